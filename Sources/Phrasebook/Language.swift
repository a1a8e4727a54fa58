import Foundation

/// The language of user-facing text.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// From `--lang`, else the batch's `[batch] language`, else Chinese when the batch's name is
    /// Chinese (2026年第一批), else the locale (LC_ALL, LC_MESSAGES, LANG): Chinese when it
    /// starts with zh.
    public static func resolve(_ flag: String?, batch: String? = nil, batchName: String? = nil) -> Language {
        if let flag, let l = Language(rawValue: flag.lowercased()) { return l }
        if let batch, let l = Language(rawValue: batch) { return l }
        if let batchName, batchName.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
            return .zh
        }
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"] ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
