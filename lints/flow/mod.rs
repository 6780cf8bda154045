//! The flow engine: CFG lowering and a generic forward dataflow.
