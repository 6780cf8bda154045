// expect: clean
// The justification is written where the macro writes the unsafe block.
#[macro_export]
macro_rules! exec_slot {
    ($exec:path) => {
        $crate::slot_func($crate::PY_MOD_EXEC, {
            // SAFETY: stored as the generic C slot function pointer type; the interpreter
            // calls it with the Py_mod_exec signature.
            Some(unsafe {
                ::std::mem::transmute::<unsafe extern "C" fn(*mut $crate::ffi::PyObject) -> ::std::ffi::c_int, unsafe extern "C" fn()>(
                    $exec,
                )
            })
        })
    };
}
