//! The hand-curated C-API table.
//!
//! One row per function, parsed once at first use:
//!
//! ```text
//! Name   returns   failure   [flags...]
//! ```
//!
//! - returns: `new` (strong reference), `borrowed`, `ptr` (a pointer that is
//!   not an object), `val` (void, a status, a C number).
//! - failure: `null` (NULL with an exception), `absent` (NULL that may carry no
//!   exception), `-1`, `0` (`PyArg_Parse*`), `ambiguous` (-1 is also a valid
//!   result: check `PyErr_Occurred()`), `never`.
//! - flags: `steal=I[,J]` (stolen always), `steal-ok=I` (stolen only on success),
//!   `null-ok` (a stolen argument may be NULL), `from=I` (a borrowed result, or
//!   a `ptr` into an object's memory, is owned by argument I), `strong=Name` (strong-reference replacement),
//!   `out=I:new|borrowed[,...]` (`PyObject **` out-parameters), `detached`
//!   (callable without an attached thread state), `raises` (sets an exception
//!   whatever it returns), `op=...` (refcount primitive).
//!
//! Argument indexes are 0-based. Sources: the C-API reference on
//! docs.python.org and CPython's `Doc/data/refcounts.dat`, which agrees with
//! every `returns` below except where the tests list a known error in it.

use super::{ApiFunction, Failure, RefOp, Returns, Steal};

const TABLE: &str = r#"
# --- Reference counting primitives -------------------------------------------
Py_INCREF                          val       never     op=incref
Py_XINCREF                         val       never     op=xincref
Py_DECREF                          val       never     op=decref
Py_XDECREF                         val       never     op=xdecref
Py_CLEAR                           val       never     op=clear
Py_NewRef                          new       never     op=newref
Py_XNewRef                         new       never     op=xnewref
Py_SETREF                          val       never     op=setref
Py_XSETREF                         val       never     op=setref
# The function forms of the macros accept NULL.
Py_IncRef                          val       never     op=xincref
Py_DecRef                          val       never     op=xdecref
Py_REFCNT                          val       never
Py_SET_REFCNT                      val       never
Py_TYPE                            borrowed  never     from=0
Py_SET_TYPE                        val       never
Py_SIZE                            val       never
Py_SET_SIZE                        val       never
Py_IS_TYPE                         val       never
# Pointer comparisons, harmless without a thread state.
Py_Is                              val       never     detached
Py_IsNone                          val       never     detached
Py_IsTrue                          val       never     detached
Py_IsFalse                         val       never     detached

# --- Singletons (pyo3-ffi exposes them as functions taking a static's address) --
Py_None                            borrowed  never     detached
Py_True                            borrowed  never     detached
Py_False                           borrowed  never     detached
Py_NotImplemented                  borrowed  never     detached
Py_Ellipsis                        borrowed  never     detached
# Only an invalid constant id fails, and ids are compile-time constants.
Py_GetConstant                     new       never
Py_GetConstantBorrowed             borrowed  never

# --- Object protocol -------------------------------------------------------------
PyObject_GetAttr                   new       null
PyObject_GetAttrString             new       null
PyObject_GetOptionalAttr           val       -1        out=2:new
PyObject_GetOptionalAttrString     val       -1        out=2:new
PyObject_SetAttr                   val       -1
PyObject_SetAttrString             val       -1
PyObject_DelAttr                   val       -1
PyObject_DelAttrString             val       -1
# HasAttr swallows every error and returns 0.
PyObject_HasAttr                   val       never
PyObject_HasAttrString             val       never
PyObject_HasAttrWithError          val       -1
PyObject_HasAttrStringWithError    val       -1
PyObject_GenericGetAttr            new       null
PyObject_GenericSetAttr            val       -1
PyObject_GenericGetDict            new       null
PyObject_GenericSetDict            val       -1
PyObject_GetItem                   new       null
PyObject_SetItem                   val       -1
PyObject_DelItem                   val       -1
PyObject_DelItemString             val       -1
PyObject_Repr                      new       null
PyObject_Str                       new       null
PyObject_ASCII                     new       null
PyObject_Bytes                     new       null
PyObject_Format                    new       null
PyObject_Dir                       new       null
PyObject_RichCompare               new       null
PyObject_RichCompareBool           val       -1
PyObject_Hash                      val       -1
PyObject_HashNotImplemented        val       -1        raises
PyObject_IsTrue                    val       -1
PyObject_Not                       val       -1
PyObject_IsInstance                val       -1
PyObject_IsSubclass                val       -1
PyObject_Type                      new       null
PyObject_TypeCheck                 val       never
PyObject_Size                      val       -1
PyObject_Length                    val       -1
PyObject_LengthHint                val       -1
PyObject_GetIter                   new       null
PyObject_GetAIter                  new       null
PyObject_SelfIter                  new       never
PyObject_Print                     val       -1
PyObject_AsFileDescriptor          val       -1
PyObject_ClearWeakRefs             val       never
PyObject_GetTypeData               ptr       never
PyObject_IS_GC                     val       never
PyObject_ClearManagedDict          val       never
PyObject_VisitManagedDict          val       never
PyCallable_Check                   val       never
Py_HashPointer                     val       never
Py_HashBuffer                      val       never

# --- Object allocation and the GC ---------------------------------------------------
PyObject_New                       new       null
PyObject_NewVar                    new       null
PyObject_NEW                       new       null
PyObject_NEW_VAR                   new       null
_PyObject_New                      new       null
_PyObject_NewVar                   new       null
PyObject_GC_New                    new       null
PyObject_GC_NewVar                 new       null
# Init sets the fresh memory's refcount to 1 and returns the same pointer it was
# given: the reference is the memory's, which the caller already tracks, so the
# result is an alias, not a second reference to judge (`PyObject_Init(o, tp);
# return o;` is the idiom).
PyObject_Init                      val       never
PyObject_InitVar                   val       never
PyObject_GC_Track                  val       never
PyObject_GC_UnTrack                val       never
PyObject_GC_Del                    val       never
PyObject_GC_IsTracked              val       never
PyObject_GC_IsFinalized            val       never
PyObject_CallFinalizerFromDealloc  val       never

# --- Call protocol ---------------------------------------------------------------
PyObject_Call                      new       null
PyObject_CallObject                new       null
PyObject_CallNoArgs                new       null
PyObject_CallOneArg                new       null
PyObject_CallFunction              new       null
PyObject_CallFunctionObjArgs       new       null
PyObject_CallMethod                new       null
PyObject_CallMethodObjArgs         new       null
PyObject_CallMethodNoArgs          new       null
PyObject_CallMethodOneArg          new       null
PyObject_Vectorcall                new       null
PyObject_VectorcallDict            new       null
PyObject_VectorcallMethod          new       null
PyVectorcall_Call                  new       null
PyVectorcall_NARGS                 val       never
PyVectorcall_Function              ptr       absent

# --- Number protocol ---------------------------------------------------------------
PyNumber_Check                     val       never
PyIndex_Check                      val       never
PyNumber_Add                       new       null
PyNumber_Subtract                  new       null
PyNumber_Multiply                  new       null
PyNumber_MatrixMultiply            new       null
PyNumber_FloorDivide               new       null
PyNumber_TrueDivide                new       null
PyNumber_Remainder                 new       null
PyNumber_Divmod                    new       null
PyNumber_Power                     new       null
PyNumber_Negative                  new       null
PyNumber_Positive                  new       null
PyNumber_Absolute                  new       null
PyNumber_Invert                    new       null
PyNumber_Lshift                    new       null
PyNumber_Rshift                    new       null
PyNumber_And                       new       null
PyNumber_Xor                       new       null
PyNumber_Or                        new       null
PyNumber_InPlaceAdd                new       null
PyNumber_InPlaceSubtract           new       null
PyNumber_InPlaceMultiply           new       null
PyNumber_InPlaceMatrixMultiply     new       null
PyNumber_InPlaceFloorDivide        new       null
PyNumber_InPlaceTrueDivide         new       null
PyNumber_InPlaceRemainder          new       null
PyNumber_InPlacePower              new       null
PyNumber_InPlaceLshift             new       null
PyNumber_InPlaceRshift             new       null
PyNumber_InPlaceAnd                new       null
PyNumber_InPlaceXor                new       null
PyNumber_InPlaceOr                 new       null
PyNumber_Long                      new       null
PyNumber_Float                     new       null
PyNumber_Index                     new       null
PyNumber_ToBase                    new       null
PyNumber_AsSsize_t                 val       ambiguous

# --- Sequence protocol -------------------------------------------------------------
PySequence_Check                   val       never
PySequence_Size                    val       -1
PySequence_Length                  val       -1
PySequence_Concat                  new       null
PySequence_Repeat                  new       null
PySequence_InPlaceConcat           new       null
PySequence_InPlaceRepeat           new       null
PySequence_GetItem                 new       null
PySequence_ITEM                    new       null
PySequence_GetSlice                new       null
PySequence_SetItem                 val       -1
PySequence_DelItem                 val       -1
PySequence_SetSlice                val       -1
PySequence_DelSlice                val       -1
PySequence_Count                   val       -1
PySequence_Contains                val       -1
PySequence_In                      val       -1
PySequence_Index                   val       -1
PySequence_List                    new       null
PySequence_Tuple                   new       null
PySequence_Fast                    new       null
PySequence_Fast_GET_ITEM           borrowed  never     from=0
PySequence_Fast_GET_SIZE           val       never
PySequence_Fast_ITEMS              ptr       never

# --- Mapping protocol --------------------------------------------------------------
PyMapping_Check                    val       never
PyMapping_Size                     val       -1
PyMapping_Length                   val       -1
PyMapping_GetItemString            new       null
PyMapping_GetOptionalItem          val       -1        out=2:new
PyMapping_GetOptionalItemString    val       -1        out=2:new
PyMapping_SetItemString            val       -1
PyMapping_DelItem                  val       -1
PyMapping_DelItemString            val       -1
# HasKey swallows every error and returns 0.
PyMapping_HasKey                   val       never
PyMapping_HasKeyString             val       never
PyMapping_HasKeyWithError          val       -1
PyMapping_HasKeyStringWithError    val       -1
PyMapping_Keys                     new       null
PyMapping_Values                   new       null
PyMapping_Items                    new       null

# --- Iterator protocol -------------------------------------------------------------
PyIter_Check                       val       never
PyAIter_Check                      val       never
# NULL without an exception when exhausted.
PyIter_Next                        new       absent
PyIter_NextItem                    val       -1        out=1:new
PyIter_Send                        val       -1        out=2:new
PySeqIter_New                      new       null
PyCallIter_New                     new       null

# --- List ----------------------------------------------------------------------------
PyList_Check                       val       never
PyList_CheckExact                  val       never
PyList_New                         new       null
PyList_Size                        val       -1
PyList_GET_SIZE                    val       never
PyList_GetItem                     borrowed  null      from=0  strong=PyList_GetItemRef
PyList_GET_ITEM                    borrowed  never     from=0  strong=PyList_GetItemRef
PyList_GetItemRef                  new       null
PyList_SetItem                     val       -1        steal=2
PyList_SET_ITEM                    val       never     steal=2
PyList_Insert                      val       -1
PyList_Append                      val       -1
PyList_GetSlice                    new       null
PyList_SetSlice                    val       -1
PyList_Extend                      val       -1
PyList_Clear                       val       -1
PyList_Sort                        val       -1
PyList_Reverse                     val       -1
PyList_AsTuple                     new       null

# --- Tuple and struct sequence ------------------------------------------------------
PyTuple_Check                      val       never
PyTuple_CheckExact                 val       never
PyTuple_New                        new       null
PyTuple_Pack                       new       null
PyTuple_Size                       val       -1
PyTuple_GET_SIZE                   val       never
PyTuple_GetItem                    borrowed  null      from=0
PyTuple_GET_ITEM                   borrowed  never     from=0
PyTuple_GetSlice                   new       null
PyTuple_SetItem                    val       -1        steal=2
PyTuple_SET_ITEM                   val       never     steal=2
_PyTuple_Resize                    val       -1
PyStructSequence_NewType           new       null
PyStructSequence_InitType          val       never
PyStructSequence_InitType2         val       -1
PyStructSequence_New               new       null
PyStructSequence_GetItem           borrowed  never     from=0
PyStructSequence_GET_ITEM          borrowed  never     from=0
PyStructSequence_SetItem           val       never     steal=2
PyStructSequence_SET_ITEM          val       never     steal=2

# --- Dict ------------------------------------------------------------------------------
PyDict_Check                       val       never
PyDict_CheckExact                  val       never
PyDict_New                         new       null
# Private, but real code calls it (orjson).
_PyDict_NewPresized                new       null
PyDict_Copy                        new       null
PyDict_Clear                       val       never
PyDict_Contains                    val       -1
PyDict_ContainsString              val       -1
PyDict_SetItem                     val       -1
PyDict_SetItemString               val       -1
PyDict_DelItem                     val       -1
PyDict_DelItemString               val       -1
# GetItem swallows errors: NULL means "missing", never an exception.
PyDict_GetItem                     borrowed  absent    from=0  strong=PyDict_GetItemRef
PyDict_GetItemString               borrowed  absent    from=0  strong=PyDict_GetItemStringRef
PyDict_GetItemWithError            borrowed  absent    from=0  strong=PyDict_GetItemRef
# 1 found, 0 missing, -1 error.
PyDict_GetItemRef                  val       -1        out=2:new
PyDict_GetItemStringRef            val       -1        out=2:new
PyDict_SetDefault                  borrowed  null      from=0  strong=PyDict_SetDefaultRef
PyDict_SetDefaultRef               val       -1        out=3:new
PyDict_Pop                         val       -1        out=2:new
PyDict_PopString                   val       -1        out=2:new
PyDict_Keys                        new       null
PyDict_Values                      new       null
PyDict_Items                       new       null
PyDict_Size                        val       -1
PyDict_Next                        val       never     out=2:borrowed,3:borrowed
PyDict_Merge                       val       -1
PyDict_Update                      val       -1
PyDict_MergeFromSeq2               val       -1
PyDictProxy_New                    new       null

# --- Set -------------------------------------------------------------------------------
PySet_Check                        val       never
PySet_CheckExact                   val       never
PyFrozenSet_Check                  val       never
PyFrozenSet_CheckExact             val       never
PyAnySet_Check                     val       never
PyAnySet_CheckExact                val       never
PySet_New                          new       null
PyFrozenSet_New                    new       null
PySet_Size                         val       -1
PySet_GET_SIZE                     val       never
PySet_Contains                     val       -1
PySet_Add                          val       -1
# refcounts.dat marks `key` -1: the set drops its own reference, the caller's is untouched.
PySet_Discard                      val       -1
PySet_Pop                          new       null
PySet_Clear                        val       -1

# --- Unicode ---------------------------------------------------------------------------
PyUnicode_Check                    val       never
PyUnicode_CheckExact               val       never
PyUnicode_New                      new       null
PyUnicode_FromString               new       null
PyUnicode_FromStringAndSize        new       null
PyUnicode_FromFormat               new       null
PyUnicode_FromFormatV              new       null
PyUnicode_FromObject               new       null
PyUnicode_FromEncodedObject        new       null
PyUnicode_FromWideChar             new       null
PyUnicode_FromOrdinal              new       null
PyUnicode_FromKindAndData          new       null
PyUnicode_InternFromString         new       null
PyUnicode_InternInPlace            val       never
PyUnicode_Substring                new       null
PyUnicode_Concat                   new       null
PyUnicode_Split                    new       null
PyUnicode_RSplit                   new       null
PyUnicode_Splitlines               new       null
PyUnicode_Partition                new       null
PyUnicode_RPartition               new       null
PyUnicode_Join                     new       null
PyUnicode_Replace                  new       null
PyUnicode_Format                   new       null
PyUnicode_Translate                new       null
PyUnicode_RichCompare              new       null
# -1 both for "less than" and for an error.
PyUnicode_Compare                  val       ambiguous
PyUnicode_CompareWithASCIIString   val       never
PyUnicode_EqualToUTF8              val       never
PyUnicode_EqualToUTF8AndSize       val       never
PyUnicode_Equal                    val       -1
PyUnicode_Contains                 val       -1
PyUnicode_Tailmatch                val       -1
PyUnicode_Count                    val       -1
# -1 means "not found"; an error is -2.
PyUnicode_Find                     val       never
PyUnicode_FindChar                 val       never
PyUnicode_GetLength                val       -1
PyUnicode_GET_LENGTH               val       never
PyUnicode_KIND                     val       never
PyUnicode_DATA                     ptr       never      from=0
PyUnicode_1BYTE_DATA               ptr       never
PyUnicode_2BYTE_DATA               ptr       never
PyUnicode_4BYTE_DATA               ptr       never
PyUnicode_MAX_CHAR_VALUE           val       never
PyUnicode_READ                     val       never
PyUnicode_READ_CHAR                val       never
PyUnicode_WRITE                    val       never
PyUnicode_ReadChar                 val       -1
PyUnicode_WriteChar                val       -1
PyUnicode_Fill                     val       -1
PyUnicode_CopyCharacters           val       -1
PyUnicode_Resize                   val       -1
PyUnicode_READY                    val       -1
PyUnicode_IsIdentifier             val       never
PyUnicode_Append                   val       never
PyUnicode_AppendAndDel             val       never     steal=1
PyUnicode_AsUTF8                   ptr       null      from=0
PyUnicode_AsUTF8AndSize            ptr       null      from=0
PyUnicode_AsWideChar               val       -1
PyUnicode_AsWideCharString         ptr       null
PyUnicode_AsUCS4                   ptr       null
PyUnicode_AsUCS4Copy               ptr       null
PyUnicode_GetDefaultEncoding       ptr       never
PyUnicode_Decode                   new       null
PyUnicode_DecodeUTF8               new       null
PyUnicode_DecodeUTF8Stateful       new       null
PyUnicode_DecodeUTF16              new       null
PyUnicode_DecodeUTF32              new       null
PyUnicode_DecodeLatin1             new       null
PyUnicode_DecodeASCII              new       null
PyUnicode_DecodeUnicodeEscape      new       null
PyUnicode_DecodeRawUnicodeEscape   new       null
PyUnicode_DecodeCharmap            new       null
PyUnicode_DecodeLocale             new       null
PyUnicode_DecodeLocaleAndSize      new       null
PyUnicode_DecodeFSDefault          new       null
PyUnicode_DecodeFSDefaultAndSize   new       null
PyUnicode_EncodeFSDefault          new       null
PyUnicode_EncodeLocale             new       null
PyUnicode_AsEncodedString          new       null
PyUnicode_AsUTF8String             new       null
PyUnicode_AsUTF16String            new       null
PyUnicode_AsUTF32String            new       null
PyUnicode_AsLatin1String           new       null
PyUnicode_AsASCIIString            new       null
PyUnicode_AsCharmapString          new       null
PyUnicode_AsUnicodeEscapeString    new       null
PyUnicode_AsRawUnicodeEscapeString new       null
# Converters for the "O&" unit: 0 on failure.
PyUnicode_FSConverter              val       0
PyUnicode_FSDecoder                val       0
PyUnicodeWriter_Create             ptr       null
PyUnicodeWriter_Finish             new       null
PyUnicodeWriter_Discard            val       never
PyUnicodeWriter_WriteChar          val       -1
PyUnicodeWriter_WriteUTF8          val       -1
PyUnicodeWriter_WriteStr           val       -1
PyUnicodeWriter_WriteRepr          val       -1
PyUnicodeWriter_Format             val       -1

# --- Bytes and bytearray ------------------------------------------------------------------
PyBytes_Check                      val       never
PyBytes_CheckExact                 val       never
PyBytes_FromString                 new       null
PyBytes_FromStringAndSize          new       null
PyBytes_FromFormat                 new       null
PyBytes_FromFormatV                new       null
PyBytes_FromObject                 new       null
PyBytes_Join                       new       null
PyBytes_AsString                   ptr       null      from=0
PyBytes_AS_STRING                  ptr       never      from=0
PyBytes_AsStringAndSize            val       -1
PyBytes_Size                       val       -1
PyBytes_GET_SIZE                   val       never
PyBytes_Concat                     val       never
PyBytes_ConcatAndDel               val       never     steal=1
_PyBytes_Resize                    val       -1
PyByteArray_Check                  val       never
PyByteArray_CheckExact             val       never
PyByteArray_FromObject             new       null
PyByteArray_FromStringAndSize      new       null
PyByteArray_Concat                 new       null
PyByteArray_Size                   val       -1
PyByteArray_GET_SIZE               val       never
PyByteArray_AsString               ptr       null      from=0
PyByteArray_AS_STRING              ptr       never      from=0
PyByteArray_Resize                 val       -1

# --- Long ----------------------------------------------------------------------------------
PyLong_Check                       val       never
PyLong_CheckExact                  val       never
PyLong_FromLong                    new       null
PyLong_FromUnsignedLong            new       null
PyLong_FromSsize_t                 new       null
PyLong_FromSize_t                  new       null
PyLong_FromLongLong                new       null
PyLong_FromUnsignedLongLong        new       null
PyLong_FromInt32                   new       null
PyLong_FromInt64                   new       null
PyLong_FromUInt32                  new       null
PyLong_FromUInt64                  new       null
PyLong_FromDouble                  new       null
PyLong_FromString                  new       null
PyLong_FromUnicodeObject           new       null
PyLong_FromVoidPtr                 new       null
PyLong_FromNativeBytes             new       null
PyLong_FromUnsignedNativeBytes     new       null
# -1 is both a valid result and the error value.
PyLong_AsLong                      val       ambiguous
PyLong_AsInt                       val       ambiguous
PyLong_AsLongAndOverflow           val       ambiguous
PyLong_AsLongLong                  val       ambiguous
PyLong_AsLongLongAndOverflow       val       ambiguous
PyLong_AsSsize_t                   val       ambiguous
PyLong_AsSize_t                    val       ambiguous
PyLong_AsUnsignedLong              val       ambiguous
PyLong_AsUnsignedLongLong          val       ambiguous
PyLong_AsUnsignedLongMask          val       ambiguous
PyLong_AsUnsignedLongLongMask      val       ambiguous
PyLong_AsDouble                    val       ambiguous
PyLong_AsVoidPtr                   ptr       ambiguous
# The newer converters return a status and write the value through a pointer.
PyLong_AsInt32                     val       -1
PyLong_AsInt64                     val       -1
PyLong_AsUInt32                    val       -1
PyLong_AsUInt64                    val       -1
PyLong_AsNativeBytes               val       -1
PyLong_GetSign                     val       -1
PyLong_IsPositive                  val       -1
PyLong_IsNegative                  val       -1
PyLong_IsZero                      val       -1
PyLong_GetInfo                     new       null

# --- Float, complex, bool ---------------------------------------------------------------------
PyFloat_Check                      val       never
PyFloat_CheckExact                 val       never
PyFloat_FromDouble                 new       null
PyFloat_FromString                 new       null
PyFloat_AsDouble                   val       ambiguous
PyFloat_AS_DOUBLE                  val       never
PyFloat_GetInfo                    new       null
PyFloat_GetMax                     val       never
PyFloat_GetMin                     val       never
PyComplex_Check                    val       never
PyComplex_CheckExact               val       never
PyComplex_FromDoubles              new       null
PyComplex_FromCComplex             new       null
PyComplex_RealAsDouble             val       ambiguous
PyComplex_ImagAsDouble             val       ambiguous
PyComplex_AsCComplex               val       ambiguous
PyBool_Check                       val       never
# Returns a new reference to True or False; cannot fail.
PyBool_FromLong                    new       never

# --- Slice -------------------------------------------------------------------------------------
PySlice_Check                      val       never
PySlice_New                        new       null
PySlice_GetIndices                 val       -1
PySlice_GetIndicesEx               val       -1
PySlice_Unpack                     val       -1
PySlice_AdjustIndices              val       never

# --- Module objects and module definitions -------------------------------------------------------
PyModule_Check                     val       never
PyModule_CheckExact                val       never
PyModule_Create                    new       null
PyModule_Create2                   new       null
# Returns its argument cast to PyObject* (refcounts.dat: borrowed); returning it from PyInit_* is the idiom.
PyModuleDef_Init                   borrowed  never
PyModule_FromDefAndSpec            new       null
PyModule_FromDefAndSpec2           new       null
PyModule_ExecDef                   val       -1
PyModule_New                       new       null
PyModule_NewObject                 new       null
PyModule_GetDict                   borrowed  never     from=0
# NULL both for "not created from a definition" and (with an exception) for an error.
PyModule_GetDef                    ptr       absent
# NULL only for a module defined without state (m_size 0), which the code knows statically.
PyModule_GetState                  ptr       never
PyModule_GetName                   ptr       null
PyModule_GetNameObject             new       null
PyModule_GetFilename               ptr       null
PyModule_GetFilenameObject         new       null
PyModule_AddObject                 val       -1        steal-ok=2
PyModule_AddObjectRef              val       -1
PyModule_Add                       val       -1        steal=2  null-ok
PyModule_AddIntConstant            val       -1
PyModule_AddStringConstant         val       -1
PyModule_AddIntMacro               val       -1
PyModule_AddStringMacro            val       -1
PyModule_AddType                   val       -1
PyModule_AddFunctions              val       -1
PyModule_SetDocString              val       -1
PyState_FindModule                 borrowed  absent
PyState_AddModule                  val       -1
PyState_RemoveModule               val       -1

# --- Import --------------------------------------------------------------------------------------
PyImport_Import                    new       null
PyImport_ImportModule              new       null
PyImport_ImportModuleNoBlock       new       null
PyImport_ImportModuleEx            new       null
PyImport_ImportModuleLevel         new       null
PyImport_ImportModuleLevelObject   new       null
PyImport_ImportModuleAttr          new       null
PyImport_ImportModuleAttrString    new       null
PyImport_ReloadModule              new       null
PyImport_AddModule                 borrowed  null      strong=PyImport_AddModuleRef
PyImport_AddModuleObject           borrowed  null      strong=PyImport_AddModuleRef
PyImport_AddModuleRef              new       null
# NULL without an exception when the module is not imported yet.
PyImport_GetModule                 new       absent
PyImport_GetModuleDict             borrowed  never
PyImport_GetImporter               new       null
PyImport_ExecCodeModule            new       null
PyImport_ExecCodeModuleEx          new       null
PyImport_ExecCodeModuleObject      new       null
PyImport_ExecCodeModuleWithPathnames new   null
# Called before Py_Initialize by embedders.
PyImport_AppendInittab             val       -1        detached

# --- Exceptions: setting, fetching, testing -------------------------------------------------------
PyErr_SetString                    val       never     raises
PyErr_SetObject                    val       never     raises
PyErr_SetNone                      val       never     raises
# The always-NULL setters: refcounts.dat gives their return as "null", not a reference.
PyErr_Format                       val       never     raises
PyErr_FormatV                      val       never     raises
PyErr_NoMemory                     val       never     raises
PyErr_BadArgument                  val       never     raises
PyErr_BadInternalCall              val       never     raises
PyErr_SetFromErrno                 val       never     raises
PyErr_SetFromErrnoWithFilename     val       never     raises
PyErr_SetFromErrnoWithFilenameObject val     never     raises
PyErr_SetFromErrnoWithFilenameObjects val    never     raises
PyErr_SetFromWindowsErr            val       never     raises
PyErr_SetFromWindowsErrWithFilename val      never     raises
PyErr_SetExcFromWindowsErr         val       never     raises
PyErr_SetExcFromWindowsErrWithFilename val   never     raises
PyErr_SetExcFromWindowsErrWithFilenameObject val never raises
PyErr_SetExcFromWindowsErrWithFilenameObjects val never raises
PyErr_SetImportError               val       never     raises
PyErr_SetImportErrorSubclass       val       never     raises
PyErr_SetRaisedException           val       never     steal=0  null-ok  raises
PyErr_Restore                      val       never     steal=0,1,2  null-ok  raises
# NULL when no exception is set, which is not a failure.
PyErr_Occurred                     borrowed  absent
PyErr_GetRaisedException           new       absent
PyErr_Fetch                        val       never     out=0:new,1:new,2:new
PyErr_NormalizeException           val       never
PyErr_Clear                        val       never
PyErr_ExceptionMatches             val       never
PyErr_GivenExceptionMatches        val       never
PyErr_Print                        val       never
PyErr_PrintEx                      val       never
PyErr_WriteUnraisable              val       never
PyErr_FormatUnraisable             val       never
PyErr_GetExcInfo                   val       never     out=0:new,1:new,2:new
PyErr_SetExcInfo                   val       never     steal=0,1,2  null-ok
PyErr_GetHandledException          new       absent
PyErr_WarnEx                       val       -1
PyErr_WarnFormat                   val       -1
PyErr_WarnExplicit                 val       -1
PyErr_WarnExplicitObject           val       -1
PyErr_ResourceWarning              val       -1
PyErr_CheckSignals                 val       -1
# Async-signal-safe: callable from any thread.
PyErr_SetInterrupt                 val       never     detached
PyErr_SetInterruptEx               val       never     detached
PyErr_SyntaxLocation               val       never
PyErr_SyntaxLocationEx             val       never
PyErr_SyntaxLocationObject         val       never
PyErr_NewException                 new       null
PyErr_NewExceptionWithDoc          new       null
PyExceptionInstance_Check          val       never
PyExceptionClass_Check             val       never
PyExceptionInstance_Class          borrowed  never     from=0
PyExceptionClass_Name              ptr       never
# NULL without an exception when the attribute is unset.
PyException_GetTraceback           new       absent
PyException_GetCause               new       absent
PyException_GetContext             new       absent
PyException_GetArgs                new       null
PyException_SetTraceback           val       -1
PyException_SetCause               val       never     steal=1  null-ok
PyException_SetContext             val       never     steal=1  null-ok
PyException_SetArgs                val       never
PyUnicodeDecodeError_Create        new       null
Py_EnterRecursiveCall              val       -1
Py_LeaveRecursiveCall              val       never
# Callable in any state: it aborts the process.
Py_FatalError                      val       never     detached

# --- Capsules ------------------------------------------------------------------------------------
PyCapsule_CheckExact               val       never
PyCapsule_New                      new       null
PyCapsule_GetPointer               ptr       null
PyCapsule_Import                   ptr       null
# A NULL name, context or destructor is legal: use PyErr_Occurred() to tell.
PyCapsule_GetName                  ptr       ambiguous
PyCapsule_GetContext               ptr       ambiguous
PyCapsule_GetDestructor            ptr       ambiguous
PyCapsule_SetPointer               val       -1
PyCapsule_SetName                  val       -1
PyCapsule_SetContext               val       -1
PyCapsule_SetDestructor            val       -1
PyCapsule_IsValid                  val       never

# --- Types ----------------------------------------------------------------------------------------
PyType_Check                       val       never
PyType_CheckExact                  val       never
PyType_FromSpec                    new       null
PyType_FromSpecWithBases           new       null
PyType_FromModuleAndSpec           new       null
PyType_FromMetaclass               new       null
PyType_Ready                       val       -1
PyType_GenericAlloc                new       null
PyType_GenericNew                  new       null
# Type slots called through a type pointer: `(*tp).tp_alloc.unwrap()(tp, 0)`.
tp_alloc                           new       null
tp_new                             new       null
PyType_IsSubtype                   val       never
PyType_GetFlags                    val       never
PyType_HasFeature                  val       never
PyType_IS_GC                       val       never
PyType_Modified                    val       never
PyType_ClearCache                  val       never
# NULL without an exception for an unset slot.
PyType_GetSlot                     ptr       absent
PyType_GetName                     new       null
PyType_GetQualName                 new       null
PyType_GetFullyQualifiedName       new       null
PyType_GetModuleName               new       null
PyType_GetDict                     new       null
PyType_GetModule                   borrowed  null      from=0
PyType_GetModuleByDef              borrowed  null      from=0
PyType_GetModuleByToken            new       null
# Like PyModule_GetState: NULL only for a type without a module or a module without state.
PyType_GetModuleState              ptr       never
PyType_GetBaseByToken              val       -1        out=2:new

# --- Functions, methods, descriptors, cells ---------------------------------------------------------
PyCFunction_New                    new       null
PyCFunction_NewEx                  new       null
PyCMethod_New                      new       null
PyFunction_New                     new       null
PyFunction_GetCode                 borrowed  never     from=0
PyFunction_GetGlobals              borrowed  never     from=0
PyFunction_GetModule               borrowed  never     from=0
# NULL without an exception when the function has none.
PyFunction_GetDefaults             borrowed  absent    from=0
PyFunction_GetClosure              borrowed  absent    from=0
PyFunction_GetAnnotations          borrowed  absent    from=0
PyMethod_New                       new       null
PyMethod_Function                  borrowed  never     from=0
PyMethod_Self                      borrowed  never     from=0
PyMethod_GET_FUNCTION              borrowed  never     from=0
PyMethod_GET_SELF                  borrowed  never     from=0
PyInstanceMethod_New               new       null
PyInstanceMethod_Function          borrowed  never     from=0
PyInstanceMethod_GET_FUNCTION      borrowed  never     from=0
PyDescr_NewMethod                  new       null
PyDescr_NewClassMethod             new       null
PyDescr_NewMember                  new       null
PyDescr_NewGetSet                  new       null
PyCell_New                         new       null
# An empty cell gives NULL without an exception.
PyCell_Get                         new       absent
PyCell_GET                         borrowed  never     from=0
PyCell_Set                         val       -1
Py_GenericAlias                    new       null

# --- Weak references ----------------------------------------------------------------------------------
PyWeakref_Check                    val       never
PyWeakref_CheckRef                 val       never
PyWeakref_CheckProxy               val       never
PyWeakref_NewRef                   new       null
PyWeakref_NewProxy                 new       null
# Py_None (borrowed) once the referent is dead.
PyWeakref_GetObject                borrowed  null      strong=PyWeakref_GetRef
PyWeakref_GET_OBJECT               borrowed  never     strong=PyWeakref_GetRef
# 1 alive, 0 dead, -1 error.
PyWeakref_GetRef                   val       -1        out=1:new

# --- Buffer protocol and memoryview -----------------------------------------------------------------------
PyObject_CheckBuffer               val       never
PyObject_GetBuffer                 val       -1
PyObject_CopyData                  val       -1
PyBuffer_Release                   val       never
PyBuffer_IsContiguous              val       never
PyBuffer_GetPointer                ptr       never
PyBuffer_SizeFromFormat            val       -1
PyBuffer_FillInfo                  val       -1
PyBuffer_FillContiguousStrides     val       never
PyBuffer_ToContiguous              val       -1
PyBuffer_FromContiguous            val       -1
PyMemoryView_Check                 val       never
PyMemoryView_FromObject            new       null
PyMemoryView_FromMemory            new       null
PyMemoryView_FromBuffer            new       null
PyMemoryView_GetContiguous         new       null
PyMemoryView_GET_BUFFER            ptr       never

# --- Memory ----------------------------------------------------------------------------------------------
# NULL on failure without MemoryError: the caller raises it (PyErr_NoMemory).
PyMem_Malloc                       ptr       absent
PyMem_Calloc                       ptr       absent
PyMem_Realloc                      ptr       absent
PyMem_Free                         val       never
PyMem_New                          ptr       absent
PyMem_Resize                       ptr       absent
PyMem_Del                          val       never
PyObject_Malloc                    ptr       absent
PyObject_Calloc                    ptr       absent
PyObject_Realloc                   ptr       absent
PyObject_Free                      val       never
# The raw allocators are documented as safe without an attached thread state.
PyMem_RawMalloc                    ptr       absent    detached
PyMem_RawCalloc                    ptr       absent    detached
PyMem_RawRealloc                   ptr       absent    detached
PyMem_RawFree                      val       never     detached

# --- Thread state, GIL, critical sections -----------------------------------------------------------------
PyEval_SaveThread                  ptr       never
PyEval_RestoreThread               val       never     detached
PyEval_AcquireThread               val       never     detached
PyEval_ReleaseThread               val       never
PyGILState_Ensure                  val       never     detached
PyGILState_Release                 val       never
PyGILState_Check                   val       never     detached
PyGILState_GetThisThreadState      ptr       never     detached
PyThreadState_Get                  ptr       never
PyThreadState_GetUnchecked         ptr       absent    detached
PyThreadState_Swap                 ptr       never     detached
PyThreadState_New                  ptr       never     detached
PyThreadState_Clear                val       never
PyThreadState_Delete               val       never     detached
PyThreadState_DeleteCurrent        val       never
# NULL without an exception when no dictionary is available.
PyThreadState_GetDict              borrowed  absent
PyThreadState_GetFrame             new       absent
PyThreadState_GetID                val       never
PyInterpreterState_Get             ptr       never
PyCriticalSection_Begin            val       never
PyCriticalSection_End              val       never
PyCriticalSection_BeginMutex       val       never
PyCriticalSection2_Begin           val       never
PyCriticalSection2_End             val       never
PyCriticalSection2_BeginMutex      val       never
# PyMutex and the PyThread_* lock and TSS APIs work with or without a thread state.
PyMutex_Lock                       val       never     detached
PyMutex_Unlock                     val       never     detached
PyMutex_IsLocked                   val       never     detached
PyThread_allocate_lock             ptr       absent    detached
PyThread_free_lock                 val       never     detached
PyThread_acquire_lock              val       never     detached
PyThread_acquire_lock_timed        val       never     detached
PyThread_release_lock              val       never     detached
PyThread_get_thread_ident          val       never     detached
PyThread_tss_alloc                 ptr       absent    detached
PyThread_tss_free                  val       never     detached
PyThread_tss_create                val       never     detached
PyThread_tss_delete                val       never     detached
PyThread_tss_is_created            val       never     detached
PyThread_tss_get                   ptr       never     detached
PyThread_tss_set                   val       never     detached
Py_IsInitialized                   val       never     detached
Py_DecodeLocale                    ptr       absent    detached
Py_EncodeLocale                    ptr       absent

# --- Frames, globals, builtins -------------------------------------------------------------------------------
# NULL without an exception when no frame is executing.
PyEval_GetFrame                    borrowed  absent
PyEval_GetGlobals                  borrowed  absent    strong=PyEval_GetFrameGlobals
PyEval_GetLocals                   borrowed  absent    strong=PyEval_GetFrameLocals
PyEval_GetBuiltins                 borrowed  never     strong=PyEval_GetFrameBuiltins
PyEval_GetFrameGlobals             new       absent
PyEval_GetFrameLocals              new       null
PyEval_GetFrameBuiltins            new       null
PyEval_GetFuncName                 ptr       never
PyEval_GetFuncDesc                 ptr       never
PyEval_EvalCode                    new       null
Py_CompileString                   new       null
PyRun_String                       new       null
# -1 after printing and clearing the exception: nothing to propagate.
PyRun_SimpleString                 val       never

# --- sys, context variables, files, misc -----------------------------------------------------------------------
# NULL without an exception for a missing attribute.
PySys_GetObject                    borrowed  absent    strong=PySys_GetAttrString
PySys_GetAttr                      new       null
PySys_GetAttrString                new       null
PySys_GetOptionalAttr              val       -1        out=1:new
PySys_GetOptionalAttrString        val       -1        out=1:new
PySys_SetObject                    val       -1
PySys_Audit                        val       -1
PySys_WriteStdout                  val       never
PySys_WriteStderr                  val       never
PySys_FormatStdout                 val       never
PySys_FormatStderr                 val       never
PyContextVar_New                   new       null
PyContextVar_Get                   val       -1        out=2:new
PyContextVar_Set                   new       null
# refcounts.dat marks the token/context -1; neither steals the caller's reference.
PyContextVar_Reset                 val       -1
PyContext_Enter                    val       -1
PyContext_Exit                     val       -1
Py_ReprEnter                       val       -1
Py_ReprLeave                       val       never
PyFile_WriteObject                 val       -1
PyFile_WriteString                 val       -1
PyFile_GetLine                     new       null
PyFile_FromFd                      new       null
PyOS_FSPath                        new       null
PyConfig_Get                       new       null
PyConfig_GetInt                    val       -1
PyConfig_Names                     new       null
PyConfig_Set                       val       -1
PyOS_double_to_string              ptr       null
PyOS_string_to_double              val       ambiguous
PyOS_snprintf                      val       never     detached
PyOS_vsnprintf                     val       never     detached
PyOS_strtol                        val       never     detached
PyOS_strtoul                       val       never     detached

# --- Argument parsing and value building ------------------------------------------------------------------
PyArg_ParseTuple                   val       0
PyArg_ParseTupleAndKeywords        val       0
PyArg_Parse                        val       0
PyArg_VaParse                      val       0
PyArg_VaParseTupleAndKeywords      val       0
PyArg_UnpackTuple                  val       0
PyArg_ValidateKeywordArguments     val       0
Py_BuildValue                      new       null
Py_VaBuildValue                    new       null
"#;

/// Every curated function. A malformed row is skipped (the unit tests reject it).
pub(super) fn functions() -> Vec<ApiFunction> {
    rows().filter_map(|row| parse_row(row).ok()).collect()
}

/// The table's rows: non-empty lines that are not comments.
fn rows() -> impl Iterator<Item = &'static str> {
    TABLE.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Parse one `Name returns failure [flags...]` row.
fn parse_row(row: &'static str) -> Result<ApiFunction, String> {
    let mut words = row.split_whitespace();
    let name = words.next().ok_or("empty row")?;
    let mut f = ApiFunction::plain(name);
    f.returns = match words.next() {
        Some("new") => Returns::New,
        Some("borrowed") => Returns::Borrowed,
        Some("ptr") => Returns::NonObject,
        Some("val") => Returns::Value,
        other => return Err(format!("{name}: bad returns {other:?}")),
    };
    f.failure = match words.next() {
        Some("null") => Failure::Null,
        Some("absent") => Failure::NullOrAbsent,
        Some("-1") => Failure::MinusOne,
        Some("0") => Failure::Zero,
        Some("ambiguous") => Failure::Ambiguous,
        Some("never") => Failure::Never,
        other => return Err(format!("{name}: bad failure {other:?}")),
    };
    for flag in words {
        apply_flag(&mut f, flag).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(f)
}

fn apply_flag(f: &mut ApiFunction, flag: &'static str) -> Result<(), String> {
    let (key, value) = flag.split_once('=').unwrap_or((flag, ""));
    match key {
        "steal" => f.steals.extend(indexes(value)?.into_iter().map(|i| (i, Steal::Always))),
        "steal-ok" => f.steals.extend(indexes(value)?.into_iter().map(|i| (i, Steal::OnSuccess))),
        "null-ok" => f.accepts_null_steal = true,
        "from" => f.borrowed_from = Some(index(value)?),
        "strong" if !value.is_empty() => f.strong_replacement = Some(value),
        "detached" => f.needs_thread_state = false,
        "raises" => f.sets_exception = true,
        "op" => f.refop = Some(refop(value)?),
        "out" => {
            for item in value.split(',') {
                let (i, kind) = item.split_once(':').ok_or_else(|| format!("bad out `{item}`"))?;
                let kind = match kind {
                    "new" => Returns::New,
                    "borrowed" => Returns::Borrowed,
                    _ => return Err(format!("bad out kind `{kind}`")),
                };
                f.out_refs.push((index(i)?, kind));
            }
        }
        _ => return Err(format!("unknown flag `{flag}`")),
    }
    Ok(())
}

fn index(text: &str) -> Result<usize, String> {
    text.parse().map_err(|_| format!("bad argument index `{text}`"))
}

fn indexes(text: &str) -> Result<Vec<usize>, String> {
    text.split(',').map(index).collect()
}

fn refop(text: &str) -> Result<RefOp, String> {
    Ok(match text {
        "incref" => RefOp::Incref,
        "xincref" => RefOp::XIncref,
        "decref" => RefOp::Decref,
        "xdecref" => RefOp::XDecref,
        "clear" => RefOp::Clear,
        "newref" => RefOp::NewRef,
        "xnewref" => RefOp::XNewRef,
        "setref" => RefOp::SetRef,
        _ => return Err(format!("unknown refop `{text}`")),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn get(name: &str) -> ApiFunction {
        functions().into_iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} is not curated"))
    }

    #[test]
    fn every_row_parses() {
        let errors: Vec<String> = rows().filter_map(|row| parse_row(row).err()).collect();
        assert!(errors.is_empty(), "malformed rows: {errors:#?}");
    }

    #[test]
    fn names_are_unique_and_plentiful() {
        let mut seen = HashSet::new();
        for row in rows() {
            let name = row.split_whitespace().next().unwrap_or_default();
            assert!(seen.insert(name), "{name} is listed twice");
        }
        assert!(seen.len() >= 400, "only {} curated functions", seen.len());
    }

    #[test]
    fn strong_replacements_are_curated_new_references() {
        let all = functions();
        for f in all.iter().filter(|f| f.strong_replacement.is_some()) {
            assert_eq!(f.returns, Returns::Borrowed, "{} has a replacement but is not borrowed", f.name);
            let replacement = f.strong_replacement.unwrap_or_default();
            // PySys_GetAttrString and PyEval_GetFrame* return new references directly;
            // the *Ref functions return a status and write one through an out-parameter.
            let target = all.iter().find(|g| g.name == replacement);
            let target = target.unwrap_or_else(|| panic!("{replacement} is not curated"));
            let strong = target.returns == Returns::New || target.out_refs.iter().any(|(_, r)| *r == Returns::New);
            assert!(strong, "{replacement} does not return a strong reference");
        }
    }

    #[test]
    fn steals_are_curated() {
        assert_eq!(get("PyTuple_SetItem").steal(2), Some(Steal::Always));
        assert_eq!(get("PyList_SetItem").steal(2), Some(Steal::Always));
        assert_eq!(get("PyList_SET_ITEM").steal(2), Some(Steal::Always));
        assert_eq!(get("PyList_SET_ITEM").failure, Failure::Never);
        assert_eq!(get("PyModule_AddObject").steal(2), Some(Steal::OnSuccess));
        let add = get("PyModule_Add");
        assert_eq!(add.steal(2), Some(Steal::Always));
        assert!(add.accepts_null_steal);
        assert!(get("PyModule_AddObjectRef").steals.is_empty());
        assert_eq!(get("PyErr_Restore").steals.len(), 3);
        assert!(get("PySet_Discard").steals.is_empty());
    }

    #[test]
    fn borrowed_returns_are_curated() {
        let item = get("PyList_GetItem");
        assert_eq!((item.returns, item.borrowed_from), (Returns::Borrowed, Some(0)));
        assert_eq!(item.strong_replacement, Some("PyList_GetItemRef"));
        let dict = get("PyDict_GetItem");
        assert_eq!((dict.returns, dict.failure), (Returns::Borrowed, Failure::NullOrAbsent));
        let with_error = get("PyDict_GetItemWithError");
        assert_eq!((with_error.returns, with_error.failure), (Returns::Borrowed, Failure::NullOrAbsent));
        let item_ref = get("PyDict_GetItemRef");
        assert_eq!((item_ref.returns, item_ref.failure), (Returns::Value, Failure::MinusOne));
        assert_eq!(item_ref.out_ref(2), Some(Returns::New));
        assert_eq!(get("PyDict_Next").out_ref(3), Some(Returns::Borrowed));
        assert_eq!(get("Py_None").returns, Returns::Borrowed);
        assert_eq!(get("PyImport_AddModule").strong_replacement, Some("PyImport_AddModuleRef"));
    }

    #[test]
    fn failure_conventions() {
        assert_eq!(get("PyLong_AsLong").failure, Failure::Ambiguous);
        assert_eq!(get("PyFloat_AsDouble").failure, Failure::Ambiguous);
        assert_eq!(get("PyIter_Next").failure, Failure::NullOrAbsent);
        assert_eq!(get("PyArg_ParseTupleAndKeywords").failure, Failure::Zero);
        let format = get("PyErr_Format");
        assert!(format.sets_exception);
        assert_eq!(format.failure, Failure::Never);
        assert_eq!(get("Py_BuildValue").returns, Returns::New);
    }

    #[test]
    fn non_object_pointers() {
        for name in ["PyCapsule_GetPointer", "PyCapsule_Import", "PyMem_Malloc", "PyModule_GetState"] {
            assert_eq!(get(name).returns, Returns::NonObject, "{name}");
        }
    }

    #[test]
    fn thread_state_requirements() {
        for name in ["PyGILState_Ensure", "PyEval_RestoreThread", "PyMem_RawMalloc", "PyGILState_Check"] {
            assert!(!get(name).needs_thread_state, "{name} must be callable detached");
        }
        for name in ["PyEval_SaveThread", "PyGILState_Release", "Py_DECREF", "PyCriticalSection_Begin"] {
            assert!(get(name).needs_thread_state, "{name} needs a thread state");
        }
    }

    #[test]
    fn refops() {
        assert_eq!(get("Py_CLEAR").refop, Some(RefOp::Clear));
        assert_eq!(get("Py_XNewRef").refop, Some(RefOp::XNewRef));
        assert_eq!(get("Py_XSETREF").refop, Some(RefOp::SetRef));
        assert_eq!(get("Py_NewRef").returns, Returns::New);
    }

    #[test]
    fn malformed_rows_are_rejected() {
        assert!(parse_row("PyFoo").is_err());
        assert!(parse_row("PyFoo new maybe").is_err());
        assert!(parse_row("PyFoo new null steal=x").is_err());
        assert!(parse_row("PyFoo new null bogus").is_err());
        assert!(parse_row("PyFoo val -1 out=2:owned").is_err());
    }
}
