extension SafeTensorsFile {
    /// A file holding a flat parameter buffer as named tensors, one per entry of `layout`
    /// (PyTorch `state_dict` names and shapes), so the file loads with `load_state_dict`.
    public init(parameters: [Float], layout: [ParameterSpec], metadata: [String: String] = [:]) {
        precondition(parameters.count == layout.reduce(0) { $0 + $1.count },
                     "SafeTensorsFile: \(parameters.count) parameters do not match the layout")
        var tensors: [String: Tensor] = [:]
        for spec in layout {
            tensors[spec.name] = Tensor(shape: spec.shape, values: Array(parameters[spec.offset ..< spec.offset + spec.count]))
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// The flat parameter buffer described by `layout`, gathered from the tensors of the same
    /// names. Throws when a tensor is missing or has another shape; extra tensors are ignored.
    public func parameters(layout: [ParameterSpec]) throws -> [Float] {
        var flat = [Float](repeating: 0, count: layout.reduce(0) { $0 + $1.count })
        for spec in layout {
            let tensor = try tensor(named: spec.name, shape: spec.shape)
            flat.replaceSubrange(spec.offset ..< spec.offset + spec.count, with: tensor.values)
        }
        return flat
    }
}
