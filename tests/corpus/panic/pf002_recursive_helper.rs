// expect: PF002
// A recursive helper: the call graph has a cycle, the panic is at its bottom.
use std::ptr;

use pyo3_ffi::*;

fn depth(tree: &[Vec<usize>], node: usize) -> usize {
    let children = &tree[node];
    1 + children.iter().map(|&c| depth(tree, c)).max().unwrap_or(0)
}

unsafe extern "C" fn tree_depth(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let tree = vec![vec![1, 2], vec![], vec![3], vec![]];
    PyLong_FromSize_t(depth(&tree, 0))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"tree_depth".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: tree_depth },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
