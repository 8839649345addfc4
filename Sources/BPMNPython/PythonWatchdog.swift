import CPythonBridge
import Foundation

/// Stops a script that runs past its deadline. A background thread waits for the deadline of the
/// current run; when it passes, it takes the GIL (CPython hands it over within its 5 ms switch
/// interval) and raises `ScriptTimeLimitExceeded` in the script's thread with
/// `PyThreadState_SetAsyncExc`. The exception is a BaseException, so `except Exception:` does not
/// catch it; a script that catches everything gets it again every 50 ms until it ends.
///
/// Limits: the exception is delivered between bytecodes, so one long call into C code (a huge
/// `sorted`, `10 ** 10 ** 8`, a catastrophic regular expression) finishes before it lands.
///
/// Lock order is always GIL, then `condition`: `begin`/`end` run on the script's thread holding the
/// GIL, and the watchdog thread takes the GIL before it looks at the current run again, so it can
/// never raise into a run that has already ended.
final class PythonWatchdog: @unchecked Sendable {
    private struct Run {
        var generation: Int
        var deadline: Double
        var threadID: UInt
    }

    static let refireInterval = 0.05

    private let condition = NSCondition()
    private let exception: PyObjectPointer
    private var current: Run?
    private var generation = 0
    private var fired = false
    private var stopping = false
    private var started = false
    /// When the watchdog thread, waiting, will next look without being signalled (infinity: only
    /// when signalled; -infinity: it is awake and will look at `current` before it waits again).
    /// A run whose deadline is no earlier needs no wake-up, which saves a thread switch per call
    /// when calls come in quick succession.
    private var watcherWakes = Double.infinity

    init(exception: PyObjectPointer) {
        self.exception = exception
    }

    /// Starts timing a run on the calling thread (GIL held).
    func begin(timeLimit: Double) {
        let threadID = bpy_PyThread_get_thread_ident()
        condition.lock()
        generation += 1
        let deadline = Self.now() + timeLimit
        current = Run(generation: generation, deadline: deadline, threadID: UInt(threadID))
        fired = false
        if !started {
            started = true
            let thread = Thread { [self] in self.watch() }
            thread.name = "bpmnrun-python-watchdog"
            thread.start()
        }
        if deadline < watcherWakes { condition.signal() }
        condition.unlock()
    }

    /// Ends the run (GIL held, on the run's thread); true when the time limit was hit.
    func end() -> Bool {
        condition.lock()
        let run = current
        current = nil
        let timedOut = fired
        condition.unlock()
        if let run, timedOut {
            // An exception raised just as the script finished may still be pending; it must not
            // land in the next Python code this thread runs.
            _ = bpy_PyThreadState_SetAsyncExc(run.threadID, nil)
        }
        return timedOut
    }

    /// Lets the watchdog thread finish.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        while !stopping {
            guard let run = current else {
                watcherWakes = .infinity
                condition.wait()
                continue
            }
            let now = Self.now()
            if now < run.deadline {
                watcherWakes = run.deadline
                _ = condition.wait(until: Date(timeIntervalSinceNow: run.deadline - now))
                watcherWakes = -.infinity
                continue
            }
            condition.unlock()
            let state = bpy_PyGILState_Ensure()
            condition.lock()
            if let still = current, still.generation == run.generation {
                _ = bpy_PyThreadState_SetAsyncExc(still.threadID, exception)
                fired = true
                current?.deadline = Self.now() + Self.refireInterval
            }
            condition.unlock()
            bpy_PyGILState_Release(state)
            condition.lock()
        }
        condition.unlock()
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
