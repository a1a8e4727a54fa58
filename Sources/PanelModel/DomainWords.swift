import Phrasebook

/// Words of the string table for the domain's values.
extension Strings {
    /// The word for a task inside a sentence: 初审 / initial.
    public static func task(_ task: TaskKind, _ language: Language) -> String {
        text("task_" + task.rawValue, language)
    }

    /// A district's name: 福田区 / Futian.
    public static func district(_ district: District, _ language: Language) -> String {
        language == .zh ? district.nameZh : district.nameEn
    }

    /// The word for a half-day inside a sentence: 上午 / am.
    public static func slot(_ slot: Slot, _ language: Language) -> String {
        text("slot_" + slot.rawValue, language)
    }
}
