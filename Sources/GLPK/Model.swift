import _CGLPKShim

/// The kind of a decision variable.
public enum VariableKind: Sendable, Hashable {
    /// A real-valued variable.
    case continuous
    /// An integer-valued variable.
    case integer
    /// A 0/1 variable; its bounds are always [0, 1].
    case binary
}

/// A handle to a variable of one ``Model``. Handles of another model are rejected.
public struct Variable: Sendable, Hashable {
    /// The column index of the variable in its model, from 0.
    public let index: Int
    let modelID: UInt64
}

/// A handle to a constraint (a row) of one ``Model``, for its dual value.
public struct Constraint: Sendable, Hashable {
    /// The row index of the constraint in its model, from 0.
    public let index: Int
    let modelID: UInt64
}

/// The direction of optimization.
public enum ObjectiveSense: Sendable {
    case minimize
    case maximize
}

/// A linear term: a coefficient times a variable.
public typealias Term = (variable: Variable, coefficient: Double)

/// A mixed-integer linear model: variables with bounds, sparse linear constraints and a linear
/// objective. A value type; building it never touches GLPK. ``solve(options:)`` hands the whole
/// model to GLPK in one guarded call.
public struct Model: Sendable {
    struct Column: Sendable {
        var name: String
        var kind: VariableKind
        var lowerBound: Double
        var upperBound: Double
        var objective: Double
    }
    struct Row: Sendable {
        var name: String
        var lowerBound: Double
        var upperBound: Double
    }

    /// The model's name, used in exports.
    public var name: String
    /// The direction of the objective.
    public var sense: ObjectiveSense = .minimize
    /// A constant added to the objective.
    public var objectiveConstant: Double = 0

    let id: UInt64
    var columns: [Column] = []
    var rows: [Row] = []
    var rowIndex: [Int32] = []
    var columnIndex: [Int32] = []
    var coefficients: [Double] = []

    /// Creates an empty model.
    public init(name: String = "model") {
        self.name = name
        self.id = ModelIdentity.next()
    }

    /// The number of variables.
    public var variableCount: Int { columns.count }
    /// The number of constraints.
    public var constraintCount: Int { rows.count }
    /// The number of nonzero constraint coefficients.
    public var nonzeroCount: Int { coefficients.count }

    /// Adds a variable. Binary variables ignore the bounds given and use [0, 1].
    ///
    /// - Throws: ``GLPKError/invalidModel(_:)`` for NaN values or a lower bound above the upper.
    @discardableResult
    public mutating func addVariable(
        name: String = "",
        kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double = .infinity,
        objective: Double = 0
    ) throws -> Variable {
        var lower = lowerBound
        var upper = upperBound
        if kind == .binary {
            lower = 0
            upper = 1
        }
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity, lower <= upper else {
            throw GLPKError.invalidModel("variable '\(name)': bounds [\(lower), \(upper)] are not a valid interval")
        }
        guard objective.isFinite else {
            throw GLPKError.invalidModel("variable '\(name)': objective coefficient \(objective) is not finite")
        }
        columns.append(Column(name: name, kind: kind, lowerBound: lower, upperBound: upper, objective: objective))
        return Variable(index: columns.count - 1, modelID: id)
    }

    /// Sets the objective coefficient of one variable.
    public mutating func setObjective(_ variable: Variable, _ coefficient: Double) throws {
        try check(variable, context: "objective")
        guard coefficient.isFinite else {
            throw GLPKError.invalidModel(
                "objective coefficient \(coefficient) of variable \(variable.index) is not finite")
        }
        columns[variable.index].objective = coefficient
    }

    /// Adds `lowerBound ≤ Σ coefficient·variable ≤ upperBound`. Use ±infinity for a missing side.
    /// Terms are passed to GLPK as given: a variable listed twice in one constraint is a GLPK
    /// error, reported as ``GLPKError/glpk(_:)`` when the model is solved.
    @discardableResult
    public mutating func addConstraint(
        name: String = "",
        _ terms: [Term],
        lowerBound: Double = -.infinity,
        upperBound: Double = .infinity
    ) throws -> Constraint {
        guard !lowerBound.isNaN, !upperBound.isNaN, lowerBound <= upperBound,
            lowerBound != .infinity, upperBound != -.infinity
        else {
            throw GLPKError.invalidModel(
                "constraint '\(name)': bounds [\(lowerBound), \(upperBound)] are not a valid interval")
        }
        for term in terms {
            try check(term.variable, context: "constraint '\(name)'")
            guard term.coefficient.isFinite else {
                throw GLPKError.invalidModel(
                    "constraint '\(name)': coefficient \(term.coefficient) of variable \(term.variable.index) is not "
                        + "finite"
                )
            }
        }
        let row = Int32(rows.count)
        rows.append(Row(name: name, lowerBound: lowerBound, upperBound: upperBound))
        for term in terms where term.coefficient != 0 {
            rowIndex.append(row)
            columnIndex.append(Int32(term.variable.index))
            coefficients.append(term.coefficient)
        }
        return Constraint(index: Int(row), modelID: id)
    }

    /// Adds `Σ terms ≤ bound`.
    @discardableResult
    public mutating func addLessOrEqual(name: String = "", _ terms: [Term], _ bound: Double) throws -> Constraint {
        try addConstraint(name: name, terms, upperBound: bound)
    }

    /// Adds `Σ terms ≥ bound`.
    @discardableResult
    public mutating func addGreaterOrEqual(name: String = "", _ terms: [Term], _ bound: Double) throws -> Constraint {
        try addConstraint(name: name, terms, lowerBound: bound)
    }

    /// Adds `Σ terms = value`.
    @discardableResult
    public mutating func addEqual(name: String = "", _ terms: [Term], _ value: Double) throws -> Constraint {
        try addConstraint(name: name, terms, lowerBound: value, upperBound: value)
    }

    func check(_ variable: Variable, context: String) throws {
        guard variable.modelID == id, variable.index >= 0, variable.index < columns.count else {
            throw GLPKError.invalidModel("\(context): unknown variable \(variable.index) (not of model '\(name)')")
        }
    }
}

enum ModelIdentity {
    private static let counter = AtomicCounter()
    static func next() -> UInt64 { counter.increment() }
}

final class AtomicCounter: @unchecked Sendable {
    private var value: UInt64 = 0
    private let lock = NSLockLike()
    func increment() -> UInt64 {
        lock.withLock {
            value += 1
            return value
        }
    }
}
