// expect: clean
// PyO3's shape: the generated fn hands the user's code to a runtime trampoline that catches.
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

pub fn gen(name: &Ident, krate: &TokenStream) -> TokenStream {
    let wrapper = quote! {
        unsafe fn __wrap(py: #krate::Python<'_>, slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
            #name(py).map(|v| v.into_ptr())
        }
    };
    quote! {
        #wrapper
        unsafe extern "C" fn trampoline(
            slf: *mut #krate::ffi::PyObject,
            _args: *mut #krate::ffi::PyObject,
        ) -> *mut #krate::ffi::PyObject {
            #krate::impl_::trampoline::noargs(slf, _args, __wrap)
        }
    }
}
