//! The hand-curated C-API table.

use super::{ApiFunction, Failure, RefOp, Returns, Steal};

pub(super) fn functions() -> Vec<ApiFunction> {
    let mut v = Vec::new();
    let new = |name: &str| ApiFunction { returns: Returns::New, failure: Failure::Null, ..ApiFunction::plain(name) };
    v.push(new("PyLong_FromLong"));
    v.push(ApiFunction { failure: Failure::MinusOne, ..ApiFunction::plain("PyList_Append") });
    v.push(ApiFunction {
        failure: Failure::MinusOne,
        steals: vec![(2, Steal::Always)],
        ..ApiFunction::plain("PyTuple_SetItem")
    });
    v.push(ApiFunction { refop: Some(RefOp::Decref), ..ApiFunction::plain("Py_DECREF") });
    v
}
