// expect: GT004
use pyo3_ffi as ffi;

pub unsafe fn count_in_background(list: *mut ffi::PyObject) -> isize {
    let items: Vec<*mut ffi::PyObject> = (0..ffi::PyList_Size(list)).map(|i| ffi::PyList_GET_ITEM(list, i)).collect();
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || items.len() as isize);
        worker.join().unwrap_or(0)
    })
}
