// expect: UW005
// A generated getter calls the annotated method directly.
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Ident, Type};

pub fn gen_getter(self_ty: &Type, name: &Ident) -> TokenStream {
    quote! {
        unsafe extern "C" fn getter(
            slf: *mut ::pyo3_ffi::PyObject,
            _closure: *mut ::std::os::raw::c_void,
        ) -> *mut ::pyo3_ffi::PyObject {
            let this = &*(slf as *const #self_ty);
            #self_ty::#name(this).into_ptr()
        }
    }
}
