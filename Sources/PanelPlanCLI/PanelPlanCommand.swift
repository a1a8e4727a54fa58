import ArgumentParser
import Foundation
import PanelModel
import Phrasebook
import PlanModel

/// Exit codes, documented in docs/user-guide.md.
public enum ExitStatus {
    /// Bad input: the batch folder has errors.
    public static let badInput: Int32 = 65
    /// The solver or the process failed; the last good plan is untouched.
    public static let failure: Int32 = 70
    /// Output could not be written, or the plan store cannot be used.
    public static let cannotWrite: Int32 = 73
    /// `replan`: a new plan version with changes to announce.
    public static let newPlan: Int32 = 3
    /// `replan`: another run holds the store.
    public static let locked: Int32 = 75
}

/// `panelplan`: plans expert panels for Shenzhen's cleaner-production audit acceptance.
public struct PanelPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "panelplan",
        abstract: Help.text("help.plan-expert-panels-for-the"),
        discussion: Help.text("help.a-batch-folder-holds-batch"),
        version: panelplanVersion,
        subcommands: [
            CheckCommand.self, StatusCommand.self, PlanCommand.self, ReplanCommand.self, PublishCommand.self,
            HistoryCommand.self, DiffCommand.self, DeclineCommand.self, ExportCommand.self, WhatIfCommand.self,
            GenerateCommand.self, VerifyDrawCommand.self,
        ])

    public init() {}

    /// Runs the command line: SIGPIPE is ignored first, so a closed stdout or stderr pipe ends
    /// writes with an error (ignored) instead of killing the process mid-plan.
    /// An error that is not the command line's own (a solver failure, an unexpected I/O error)
    /// exits 70, never ArgumentParser's generic 1: the last good plan is untouched.
    /// Help, the version and usage errors are argument-parser's, their words in the help's language.
    public static func runMain() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            exit(withError: error)
        } catch {
            let code = exitCode(for: error)
            guard code == .failure else { exitTranslated(error, code) }
            let text = errorText(error, Help.language, otherwise: { fullMessage(for: $0) })
            StandardError.write(Strings.fill("cli.failure", Help.language, ["text": text]) + "\n")
            Foundation.exit(ExitStatus.failure)
        }
    }

    /// As argument-parser's `exit(withError:)`: help and the version on standard output, a usage
    /// error on standard error, in the help's language (``ParserWords``).
    private static func exitTranslated(_ error: Error, _ code: ExitCode) -> Never {
        let text = ParserWords.translate(fullMessage(for: error), to: Help.language)
        if !text.isEmpty {
            if code == .success {
                print(text)
            } else {
                var err = StandardError()
                print(text, to: &err)
            }
        }
        Foundation.exit(code.rawValue)
    }
}

/// Loads a batch folder or exits 65 with every error, in the language of `lang` (`--lang`,
/// else the locale: the batch's own setting is unknown when it cannot be read).
func loadBatchOrExit(_ path: String, lang: String? = nil) throws -> Batch {
    do {
        return try BatchLoader.load(path: path)
    } catch let error as BatchLoadError {
        let language = Language.resolve(lang)
        var err = StandardError()
        print(error.text(language), to: &err)
        print(
            Diagnostic.summary(errors: error.errors.count, warnings: error.warnings.count, path: path, language),
            to: &err)
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Prints the batch's warnings on standard error, one a line, in `language`.
func printWarnings(_ batch: Batch, _ language: Language) {
    var err = StandardError()
    for w in batch.warnings { print(Diagnostic.line(w, language), to: &err) }
}

/// Standard error written with write(2): a failed write (a closed pipe, a full disk) is ignored
/// rather than trapping, so it is safe anywhere, even inside a solver's progress callback.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { Self.write(string) }

    static func write(_ string: String) {
        var bytes = Array(string.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
