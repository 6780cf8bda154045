// expect: clean
// A SAFETY comment above the generated statement covers its unsafe block.
use proc_macro2::TokenStream;
use quote::quote;
use syn::Type;

pub fn payload(self_ty: &Type) -> TokenStream {
    quote! {
        // SAFETY: the trampoline is only installed on types created from a ClassDef<#self_ty>.
        let __this: &#self_ty =
            unsafe { ::cpython_api::class::payload_ref::<#self_ty>(__slf) };
    }
}
