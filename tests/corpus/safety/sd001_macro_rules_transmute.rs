// expect: SD001
// The transmute of a slot function pointer is written once in the macro and expanded everywhere.
#[macro_export]
macro_rules! traverse_slot {
    ($state:ty) => {
        $crate::slot_func(
            $crate::ffi::Py_mod_state_traverse,
            Some(unsafe {
                ::std::mem::transmute::<
                    unsafe extern "C" fn(*mut $crate::ffi::PyObject, $crate::ffi::visitproc, *mut ::std::ffi::c_void) -> ::std::ffi::c_int,
                    unsafe extern "C" fn(),
                >($crate::traverse_impl::<$state>)
            }),
        )
    };
}
