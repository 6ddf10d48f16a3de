/// Runs synchronous work as a child task on the concurrent executor, so a main-actor caller stays
/// responsive and the work sees the caller's cancellation (`Task.isCancelled`).
enum OffActor {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask { try work() }
            guard let value = try await group.next() else { throw CancellationError() }
            return value
        }
    }
}
