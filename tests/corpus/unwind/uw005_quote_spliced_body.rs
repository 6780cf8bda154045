// expect: UW005
// A proc macro helper: the user's function is called from a body spliced into the trampoline.
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

pub fn gen_trampoline(name: &Ident) -> TokenStream {
    let call = quote! { super::#name(__ts, __args) };
    let body = quote! {
        let __ts = ThreadState::current();
        match #call {
            Ok(value) => value.into_ptr(),
            Err(_raised) => ::std::ptr::null_mut(),
        }
    };
    quote! {
        pub(crate) unsafe extern "C" fn trampoline(
            __slf: *mut ::pyo3_ffi::PyObject,
            __args: *mut ::pyo3_ffi::PyObject,
        ) -> *mut ::pyo3_ffi::PyObject {
            #body
        }
    }
}
