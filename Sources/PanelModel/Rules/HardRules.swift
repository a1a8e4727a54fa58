/// Every hard rule of a batch, as values, in the order the planner checks them.
public struct HardRules: Sendable {
    public let workingDay = WorkingDayRule()
    public let panelSize: PanelSizeRule
    /// Rules 5 and 7 on who sits together on a panel.
    public let panel: [any PanelRule]
    /// Rules 6 and 8 on who may sit on an enterprise's panels at all.
    public let expert: [any ExpertRule]
    /// Rules 8 and 9 on an expert's load, in the order a blocked seat is explained.
    public let load: [any LoadRule]
    /// The members of `load` by name, for checks made by the million.
    public let availability = AvailabilityRule()
    public let oneTaskPerSlot = OneTaskPerSlotRule()
    public let dailyCap: DailyCapRule
    public let weeklyCap: WeeklyCapRule
    /// The per-kind caps (also a member of `load`), for capacity counts.
    public let taskCap: TaskCapRule
    public let travel: TravelRule
    public let parallel: ParallelPanelsRule

    /// The rules of a batch.
    public init(_ batch: Batch) {
        self.init(batch.rules, experts: batch.experts, districts: batch.districts)
    }

    /// The rules of `rules` over a pool and a district table.
    public init(_ rules: BatchRules, experts: [Expert], districts: DistrictTable) {
        panelSize = PanelSizeRule(rules)
        panel = [
            IndustryExpertRule(rules), AuditorRule(rules), LeaderRule(), OnePerOrganizationRule(rules),
            ContinuityRule(rules),
        ]
        expert = [ActiveExpertRule(), ConflictOfInterestRule()]
        dailyCap = DailyCapRule(rules)
        weeklyCap = WeeklyCapRule(rules)
        taskCap = TaskCapRule(rules, experts: experts)
        travel = TravelRule(rules, districts: districts)
        load = [availability, oneTaskPerSlot, dailyCap, weeklyCap, taskCap, travel]
        parallel = ParallelPanelsRule(rules)
    }

    /// The first expert rule (6, 8) that keeps `expert` off every panel of `enterprise`, or nil.
    public func excludes(_ expert: Expert, from enterprise: Enterprise, in batch: Batch) -> RuleViolation? {
        for rule in self.expert {
            if let why = rule.blocks(expert, enterprise, in: batch) { return rule.violation(why) }
        }
        return nil
    }

    /// For each enterprise of `batch`, in order, the experts no expert rule (6, 8) keeps off its
    /// panels, ascending: those for which ``excludes(_:from:in:)`` is nil.
    /// - Complexity: O(*E* · *n* + *c*) for *E* enterprises, *n* experts and *c* conflicts; the
    ///   rules read whom they exclude from an ``ExpertDirectory`` instead of testing each pair.
    public func admittedExperts(in batch: Batch) -> [[Int]] {
        let directory = ExpertDirectory(batch)
        var blocked = [Bool](repeating: false, count: batch.experts.count)
        return batch.enterprises.map { enterprise in
            let excluded = expert.flatMap { $0.blockedExperts(of: enterprise, in: batch, directory: directory) }
            for i in excluded { blocked[i] = true }
            let admitted = blocked.indices.filter { !blocked[$0] }
            for i in excluded { blocked[i] = false }
            return admitted
        }
    }
}
