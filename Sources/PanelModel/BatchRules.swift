/// How an initial reviewer's presence on the site panel is treated.
public enum ContinuityPolicy: String, Sendable, CaseIterable {
    case require, prefer, none
}

/// What the planner does after its construction (`[solver] search`).
public enum SearchPolicy: String, Sendable, CaseIterable {
    /// A large-neighbourhood search that frees related tasks and plans them again, keeping only
    /// improvements in the order of the soft goals, until its bounds, its stall limit or the time limit.
    case lns
    /// The construction and its re-staffing pass alone (the planner before the search).
    case construction
}

/// How the tasks of a batch are spread over its horizon (`[schedule] spread`).
public enum SpreadPolicy: String, Sendable, CaseIterable {
    /// Each ISO week's tasks as level as the enterprises' windows allow.
    case level
    /// Every task as early as possible.
    case early
}

/// How a failed-last-round enterprise's previous experts are treated.
public enum PreviousExpertsPolicy: String, Sendable, CaseIterable {
    case prefer, avoid, none
}

/// The rules of a batch (batch.toml), every key with the default of FORMAT.md.
public struct BatchRules: Sendable {
    public var name: String = ""
    /// First plannable day.
    public var start: Day
    /// Last plannable day.
    public var end: Day
    /// "As of" date; default the day before `start`.
    public var today: Day
    /// The language of what the batch's people read (`[batch] language`: "zh" or "en"): the
    /// nightly job's changes and notifications, notices and exports. Nil: the command's
    /// `--lang`, else the locale.
    public var language: String?

    public var planInitial = true
    public var initialPanelSize = 3
    public var leadDays = 3
    public var initialMaxParallel = 4
    /// Where desk reviews (初审) are held (`[initial_review] location`); nil: the bureau.
    public var initialReviewLocation: String?

    public var planSite = true
    public var sitePanelSize = 5
    public var revisionDays = 10
    public var siteMaxParallel = 3
    public var maxTravelMinutes = 60.0

    public var onePerOrganization = true
    public var requireAuditor = true
    public var requireIndustry = true
    public var continuity: ContinuityPolicy = .prefer
    public var previousExperts: PreviousExpertsPolicy = .prefer

    public var maxInitial = 8
    public var maxSite = 6
    public var maxPerWeek = 4
    public var maxPerDay = 2
    public var minTotal = 0

    /// Listing reason → specialties that cover it.
    public var expertise: [ListingReason: [String]] = BatchRules.defaultExpertise

    public var timeLimitSeconds = 60.0
    public var seed: UInt64 = 0
    /// Relative MIP gap at which the solver may stop (an addition to FORMAT v1; default 0).
    public var mipGap = 0.0
    /// `[solver] search`: the large-neighbourhood search after the construction (default) or the
    /// construction alone.
    public var search: SearchPolicy = .lns

    /// `[schedule] spread`: level the weeks (default) or plan every task as early as possible.
    public var spread: SpreadPolicy = .level
    /// `[schedule] notice_days`: a replan dates nothing new within this many working days after
    /// its as-of date.
    public var noticeDays = 3
    /// `[draw] reserves`: ranked reserve experts per panel seat (候补), 0 for none.
    public var reserves = 2
    /// `[draw] mode = "on"`: each panel's members are drawn at random (随机抽取).
    public var drawEnabled = false
    /// `[draw] max_pair_probability`: the most likely (expert, enterprise) pair's probability.
    public var maxPairProbability = 0.5
    /// `[draw] quality_floor`: the share of each panel's expertise and continuity value that the
    /// draw keeps in expectation.
    public var qualityFloor = 0.95

    /// Objective weights (batch.toml `[weights]`, an addition to FORMAT v1).
    public var weights = ObjectiveWeights()

    /// The default expertise groups of FORMAT.md.
    public static let defaultExpertise: [ListingReason: [String]] = [
        .heavyMetal: ["heavy-metal", "electroplating"],
        .hazardousWaste: ["hazardous-waste"],
        .firstAudit: ["environmental-engineering"],
        .overLimit: ["wastewater", "air-pollution"],
        .toxic: ["toxic-substances", "chemicals"],
        .voc: ["voc", "coatings"],
    ]

    public init(start: Day, end: Day, today: Day? = nil) {
        self.start = start
        self.end = end
        self.today = today ?? start - 1
    }

    public func panelSize(_ task: TaskKind) -> Int { task == .initial ? initialPanelSize : sitePanelSize }
    public func maxParallel(_ task: TaskKind) -> Int { task == .initial ? initialMaxParallel : siteMaxParallel }
    public func plans(_ task: TaskKind) -> Bool { task == .initial ? planInitial : planSite }
    /// The most tasks of this kind `expert` may take in the batch (rule 8): experts.csv's own
    /// cap, else `[load]`.
    public func cap(of expert: Expert, _ task: TaskKind) -> Int {
        switch task {
        case .initial: expert.maxInitial ?? maxInitial
        case .site: expert.maxSite ?? maxSite
        }
    }
}

/// Weights of the soft goals, summed into one objective to maximize. The defaults make the order
/// of FORMAT.md lexicographic in practice: each level's largest possible total stays below one
/// unit of the level above it on batches of Shenzhen's size.
public struct ObjectiveWeights: Sendable {
    /// Per enterprise with all its tasks planned.
    public var planned = 1_000_000.0
    /// Per listing reason covered by a panel member's specialty, per panel.
    public var expertise = 1_000.0
    /// Per unit of affinity score on a panel seat (affinity.csv).
    public var affinity = 1_000.0
    /// Per site panel holding one of the enterprise's initial reviewers (continuity = prefer).
    public var continuity = 100.0
    /// Per site panel holding a previous expert (previous_experts = prefer; negative effect for avoid).
    public var previousExpert = 100.0
    /// Per travel minute (subtracted).
    public var travel = 0.1
    /// Per task above the even share of the batch's demand (subtracted).
    public var load = 1.0
    /// Per task in a week above the smallest busiest week the windows allow (subtracted; with
    /// `[schedule] spread = "level"`).
    public var level = 10.0
    /// Per task an expert falls short of their min_total (subtracted).
    public var minTotal = 1.0
    /// Per working day of buffer between the site inspection and the deadline, capped at 20 days.
    public var buffer = 0.01
    /// Per assignment changed against the reference plan when replanning (subtracted).
    public var change = 10.0

    public init() {}
}
