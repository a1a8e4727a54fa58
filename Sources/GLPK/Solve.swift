import _CGLPKShim

/// Errors of the GLPK layer.
public enum GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model was used wrongly (unknown variable, NaN coefficient, empty interval).
    case invalidModel(String)
    /// GLPK reported an internal error; the message is GLPK's own. The process carries on.
    case glpk(String)
    /// An LP or MPS export could not be written.
    case exportFailed(path: String, message: String)
    /// A solve was started from a running solve's progress callback, on its thread: refused.
    case reentered

    public var description: String {
        switch self {
        case .invalidModel(let m): return "invalid model: \(m)"
        case .glpk(let m): return "GLPK error: \(m.trimmingWhitespace())"
        case .exportFailed(let path, let m): return "cannot write \(path): \(m.trimmingWhitespace())"
        case .reentered: return "a solve cannot start inside another solve's progress callback"
        }
    }
}

/// What a solve achieved.
public enum SolveStatus: String, Sendable {
    /// Proven optimal.
    case optimal
    /// An incumbent within the relative gap tolerance of the bound.
    case gapReached = "gap-reached"
    /// The time limit stopped the search; the best incumbent is returned.
    case timeLimit = "time-limit"
    /// The progress callback stopped the search; the best incumbent is returned.
    case stopped
    /// No feasible solution exists.
    case infeasible
    /// The objective is unbounded.
    case unbounded
    /// The search stopped before any feasible solution was found.
    case noSolution = "no-solution"

    /// Whether the result carries variable values.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .gapReached, .timeLimit, .stopped: return true
        case .infeasible, .unbounded, .noSolution: return false
        }
    }
}

/// A snapshot of branch-and-cut progress, given to the progress callback.
public struct SolveProgress: Sendable {
    /// The incumbent objective, when one exists.
    public var incumbent: Double?
    /// The best bound of the open nodes, when known.
    public var bound: Double?
    /// Seconds since the solve started.
    public var elapsedSeconds: Double
    /// The relative gap |bound − incumbent| / max(1, |incumbent|), when both exist.
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return relativeGap(objective: incumbent, bound: bound)
    }
}

/// Solver settings.
public struct SolveOptions: Sendable {
    /// Wall-clock limit for the whole solve, in seconds; nil for none.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which the search stops; 0 proves optimality.
    public var relativeGap: Double = 0
    /// Use GLPK's LP presolver for the relaxation.
    public var presolve: Bool = true
    /// Cutting planes (GMI, MIR, cover, clique) and the feasibility pump; worth it on hard
    /// models, pure overhead on tiny ones.
    public var cuts: Bool = true
    /// Called on every branch-and-cut callback (not only on new incumbents). Return `false` to stop.
    /// Runs on the solving thread; it must not call into GLPK.
    public var progress: (@Sendable (SolveProgress) -> Bool)?

    /// Creates options.
    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double = 0, presolve: Bool = true, cuts: Bool = true,
        progress: (@Sendable (SolveProgress) -> Bool)? = nil
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.progress = progress
    }
}

/// The outcome of ``Model/solve(options:)``.
public struct Solution: Sendable {
    /// What the solve achieved.
    public var status: SolveStatus
    /// The objective of the returned values (0 without a solution).
    public var objective: Double
    /// A valid bound on the optimum from the relaxation or the branch-and-bound tree.
    public var bound: Double?
    /// Wall-clock seconds.
    public var elapsedSeconds: Double
    /// Whether the model had integer variables.
    public var isMIP: Bool
    /// GLPK's last terminal output.
    public var log: String
    var values: [Double]
    var duals: [Double] = []

    /// The value of a variable, 0 when there is no solution.
    public subscript(_ variable: Variable) -> Double { values.isEmpty ? 0 : values[variable.index] }

    /// A variable's value rounded to the nearest integer, for integer and binary variables.
    public func integerValue(_ variable: Variable) -> Int { Int(self[variable].rounded()) }

    /// The dual value (shadow price) of a constraint of an LP solved to optimality: the rate at
    /// which the optimum changes with the constraint's bound. 0 for MIPs and without a solution.
    public func dual(_ constraint: Constraint) -> Double {
        constraint.index < duals.count ? duals[constraint.index] : 0
    }

    /// |bound − objective| / max(1, |objective|), nil when unknown.
    public var gap: Double? {
        guard status.hasSolution, let bound else { return nil }
        return relativeGap(objective: objective, bound: bound)
    }
}

/// |bound − objective| / max(1, |objective|).
public func relativeGap(objective: Double, bound: Double) -> Double {
    abs(bound - objective) / max(1, abs(objective))
}

/// The version of the linked GLPK library.
public var glpkVersion: String { String(cString: pp_glpk_version()) }

private final class ProgressBox {
    let body: @Sendable (SolveProgress) -> Bool
    init(_ body: @escaping @Sendable (SolveProgress) -> Bool) { self.body = body }
}

extension Model {
    /// Solves the model with GLPK on the calling thread: the LP relaxation with the simplex
    /// method, then branch and cut when there are integer variables. Synchronous by design:
    /// GLPK's environment is per thread, so the problem is created, solved and freed here with
    /// no suspension in between.
    ///
    /// - Throws: ``GLPKError/glpk(_:)`` when GLPK reports an internal error.
    public func solve(options: SolveOptions = SolveOptions()) throws -> Solution {
        try run(options: options, solve: true, lpPath: nil, mpsPath: nil)
    }

    /// Writes the model in CPLEX LP format, for debugging with `glpsol --lp`.
    public func writeLP(to path: String) throws {
        _ = try run(options: SolveOptions(), solve: false, lpPath: path, mpsPath: nil)
    }

    /// Writes the model in free MPS format, for debugging with `glpsol --freemps`.
    public func writeMPS(to path: String) throws {
        _ = try run(options: SolveOptions(), solve: false, lpPath: nil, mpsPath: path)
    }

    private func run(options: SolveOptions, solve: Bool, lpPath: String?, mpsPath: String?) throws -> Solution {
        let n = columns.count
        let kinds: [Int32] = columns.map {
            switch $0.kind {
            case .continuous: return Int32(PP_CONTINUOUS.rawValue)
            case .integer: return Int32(PP_INTEGER.rawValue)
            case .binary: return Int32(PP_BINARY.rawValue)
            }
        }
        let colLower = columns.map(\.lowerBound)
        let colUpper = columns.map(\.upperBound)
        let objective = columns.map(\.objective)
        let rowLower = rows.map(\.lowerBound)
        let rowUpper = rows.map(\.upperBound)
        let exportNames = lpPath != nil || mpsPath != nil
        let colNames =
            exportNames ? columns.enumerated().map { sanitizedName($0.element.name, fallback: "x\($0.offset)") } : []
        let rowNames =
            exportNames ? rows.enumerated().map { sanitizedName($0.element.name, fallback: "r\($0.offset)") } : []
        var values = [Double](repeating: 0, count: max(n, 1))
        var duals = [Double](repeating: 0, count: max(rows.count, 1))
        var result = pp_result()
        let box = options.progress.map(ProgressBox.init)
        let callback: pp_progress_fn = { context, hasIncumbent, incumbent, hasBound, bound, elapsed in
            guard let context else { return 0 }
            let box = Unmanaged<ProgressBox>.fromOpaque(context).takeUnretainedValue()
            let progress = SolveProgress(
                incumbent: hasIncumbent != 0 ? incumbent : nil,
                bound: hasBound != 0 ? bound : nil,
                elapsedSeconds: elapsed)
            return box.body(progress) ? 0 : 1
        }
        let rc: Int32 = withCStrings(colNames) { colNamePointers in
            withCStrings(rowNames) { rowNamePointers in
                values.withUnsafeMutableBufferPointer { valueBuffer in
                    duals.withUnsafeMutableBufferPointer { dualBuffer in
                        withOptionalCString(lpPath) { lp in
                            withOptionalCString(mpsPath) { mps in
                                withExtendedLifetime(box) {
                                    result.values = valueBuffer.baseAddress
                                    result.row_duals = dualBuffer.baseAddress
                                    var model = pp_model()
                                    model.maximize = sense == .maximize ? 1 : 0
                                    model.n_cols = Int32(n)
                                    model.obj_const = objectiveConstant
                                    model.n_rows = Int32(rows.count)
                                    model.nnz = Int32(coefficients.count)
                                    model.time_limit_seconds = options.timeLimitSeconds ?? 0
                                    model.mip_gap = options.relativeGap
                                    model.presolve = options.presolve ? 1 : 0
                                    model.cuts = options.cuts ? 1 : 0
                                    model.solve = solve ? 1 : 0
                                    model.lp_path = lp
                                    model.mps_path = mps
                                    if let box {
                                        model.progress = callback
                                        model.progress_context = Unmanaged.passUnretained(box).toOpaque()
                                    }
                                    return kinds.withUnsafeBufferPointer { k in
                                        colLower.withUnsafeBufferPointer { cl in
                                            colUpper.withUnsafeBufferPointer { cu in
                                                objective.withUnsafeBufferPointer { ob in
                                                    rowLower.withUnsafeBufferPointer { rl in
                                                        rowUpper.withUnsafeBufferPointer { ru in
                                                            rowIndex.withUnsafeBufferPointer { ia in
                                                                columnIndex.withUnsafeBufferPointer { ja in
                                                                    coefficients.withUnsafeBufferPointer { ar in
                                                                        model.col_kind = k.baseAddress
                                                                        model.col_lb = cl.baseAddress
                                                                        model.col_ub = cu.baseAddress
                                                                        model.obj = ob.baseAddress
                                                                        model.row_lb = rl.baseAddress
                                                                        model.row_ub = ru.baseAddress
                                                                        model.ia = ia.baseAddress
                                                                        model.ja = ja.baseAddress
                                                                        model.ar = ar.baseAddress
                                                                        model.col_names = colNamePointers
                                                                        model.row_names = rowNamePointers
                                                                        return pp_glpk_run(&model, &result)
                                                                    }
                                                                }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let message = withUnsafeBytes(of: result.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        if rc == 3 { throw GLPKError.reentered }
        if rc == 1 { throw GLPKError.glpk(message) }
        if rc == 2 { throw GLPKError.exportFailed(path: lpPath ?? mpsPath ?? "?", message: message) }
        let status: SolveStatus
        switch UInt32(result.status) {
        case PP_OPTIMAL.rawValue: status = .optimal
        case PP_GAP_REACHED.rawValue: status = .gapReached
        case PP_TIME_LIMIT.rawValue: status = .timeLimit
        case PP_STOPPED.rawValue: status = .stopped
        case PP_INFEASIBLE.rawValue: status = .infeasible
        case PP_UNBOUNDED.rawValue: status = .unbounded
        default: status = .noSolution
        }
        return Solution(
            status: status,
            objective: status.hasSolution ? result.objective : 0,
            bound: result.has_bound != 0 ? result.bound : nil,
            elapsedSeconds: result.elapsed_seconds,
            isMIP: result.is_mip != 0,
            log: message,
            values: status.hasSolution ? Array(values.prefix(n)) : [],
            duals: status.hasSolution && result.is_mip == 0 ? Array(duals.prefix(rows.count)) : [])
    }
}

/// GLPK names: at most 255 characters, no spaces; LP files also dislike some symbols.
private func sanitizedName(_ name: String, fallback: String) -> String {
    guard !name.isEmpty else { return fallback }
    var out = ""
    for scalar in name.unicodeScalars {
        if scalar.isASCII,
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.[]()".unicodeScalars.contains(scalar)
        {
            out.unicodeScalars.append(scalar)
        } else {
            out.append("_")
        }
    }
    if let first = out.unicodeScalars.first, ("0"..."9").contains(first) || first == "." { out = "_" + out }
    return String(out.prefix(250))
}

private func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let s else { return body(nil) }
    return s.withCString { body($0) }
}

/// Calls `body` with a C array of C strings (nil when `strings` is empty).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    guard !strings.isEmpty else { return body(nil) }
    let buffers = strings.map { Array($0.utf8CString) }
    let pointers = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: buffers.count)
    defer { pointers.deallocate() }
    let storages = buffers.map { buffer -> UnsafeMutablePointer<CChar> in
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: buffer.count)
        p.initialize(from: buffer, count: buffer.count)
        return p
    }
    defer {
        for storage in storages { storage.deallocate() }
    }
    for (i, s) in storages.enumerated() { pointers[i] = UnsafePointer(s) }
    return body(UnsafePointer(pointers))
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
