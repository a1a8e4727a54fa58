import Phrasebook
import PlanStore
import Planner

/// An error's sentence in `language`: the planner's and the plan store's from the string table,
/// any other as it describes itself (a system error's own words), or as `otherwise` describes it.
func errorText(_ error: any Error, _ language: Language, otherwise: (any Error) -> String = { "\($0)" }) -> String {
    switch error {
    case let error as PlannerError: return error.text(language)
    case let error as PlanStoreError: return error.text(language)
    default: return otherwise(error)
    }
}
