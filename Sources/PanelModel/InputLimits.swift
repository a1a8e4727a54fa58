/// Bounds on input numbers where the format sets none, so that no value can overflow a sum or
/// make the solver's coefficients infinite. Documented in docs/format.md.
public enum InputLimits {
    /// Ids (experts, enterprises, organizations) have at most this many characters.
    public static let identifierLength = 64
    /// Counts in experts.csv (max_initial, max_site, min_total) are at most this.
    public static let count = 10_000
    /// Affinity scores lie within ± this.
    public static let affinityScore = 1_000_000.0
    /// `[weights]` values are at most this.
    public static let weight = 1e9
    /// Travel minutes (travel.csv, `max_travel_minutes`) are at most this (a week).
    public static let travelMinutes = 10_080.0
    /// Dates lie in these years (four digits, so that every date the project writes reads back).
    public static let years = 1900...2199
}
