import CForecastKernels

/// A thread of its own that runs part 1 of a job while the caller runs part 0 (`CorePartner.c`),
/// for work split in two that meets too often for a thread pool: a batch-1 forecast meets after
/// every step, a training batch after every few hundred microseconds. Between jobs the partner
/// spins for 0.1 ms, so the next job finds it awake, then sleeps.
final class CorePartner: @unchecked Sendable {
    private let partner: OpaquePointer
    private let job = Job()

    /// Nil when no thread can be started.
    init?() {
        guard let partner = forecast_partner_create() else { return nil }
        self.partner = partner
    }

    deinit { forecast_partner_destroy(partner) }

    /// Runs `body(0)` here and `body(1)` on the partner thread, together; returns when both have.
    /// One caller at a time.
    func run(_ body: @escaping (Int) -> Void) {
        job.body = body
        forecast_partner_run(partner, { context, part in
            Unmanaged<Job>.fromOpaque(context!).takeUnretainedValue().body(Int(part))
        }, Unmanaged.passUnretained(job).toOpaque())
        job.body = { _ in }
    }

    /// Within `run`: part `part` has finished `steps` steps.
    func publish(part: Int, steps: Int) { forecast_partner_publish(partner, Int64(part), Int64(steps)) }

    /// Within `run`: waits until part `part` has finished `steps` steps.
    func wait(part: Int, steps: Int) { forecast_partner_wait(partner, Int64(part), Int64(steps)) }

    /// What the partner thread calls; set for each job.
    private final class Job: @unchecked Sendable {
        var body: (Int) -> Void = { _ in }
    }
}
