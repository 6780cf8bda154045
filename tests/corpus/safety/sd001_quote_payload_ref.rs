// expect: SD001
// Generated glue reinterprets the object pointer with no justification.
use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

pub fn payload(self_ty: &Type) -> TokenStream {
    quote! {
        let __this: &#self_ty = unsafe { ::cpython_api::class::payload_ref::<#self_ty>(__slf) };
    }
}
