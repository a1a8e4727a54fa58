import ArgumentParser
import Foundation
import PanelModel
import Planner
import PlanStore
import Reports

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a stored plan version (default: the latest) or a plan.json in other formats.")

    @Argument(help: "The batch folder.") var batch: String = "."
    @Option(help: "The version to export (default: the latest).") var version: Int64?
    @Option(help: "A plan.json to export instead of a stored version.") var plan: String?
    @Option(help: "json: plan.json and plan.csv.") var format: ExportFormat = .json
    @Option(help: "The folder to write.") var out: String
    @OptionGroup var store: StoreOption

    func run() throws {
        var err = StandardError()
        let chosen: Plan
        if let plan {
            guard let data = FileManager.default.contents(atPath: plan), let p = try? PlanReader.read(data) else {
                print("error: \(plan): not a readable plan.json (FORMAT v1)", to: &err)
                throw ExitCode(ExitStatus.badInput)
            }
            chosen = p
        } else {
            let s = try store.open(batch: batch)
            do {
                guard let id = try version ?? s.latest()?.id else { throw PlanStoreError.noVersions }
                chosen = try s.plan(id)
            } catch let e as PlanStoreError {
                print("error: \(e)", to: &err)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        switch format {
        case .json: try PlanWriter.write(chosen, to: out)
        }
        print("wrote \(out)")
    }
}
