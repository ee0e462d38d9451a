import Foundation

/// Finds the `templates/` folder: an explicit path, `GONGWEN_TEMPLATES`, the current
/// folder, or the folders above the executable (so `.build/debug/gongwen` finds the
/// checkout's templates).
public enum TemplateLocator {
    public static func root(explicit: String? = nil) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment["GONGWEN_TEMPLATES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("templates")
        if fm.fileExists(atPath: cwd.appendingPathComponent("forms").path) { return cwd }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("templates")
            if fm.fileExists(atPath: candidate.appendingPathComponent("forms").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return cwd
    }
}
