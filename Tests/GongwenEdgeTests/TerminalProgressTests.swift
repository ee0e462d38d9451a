@testable import GongwenCLI
import Testing

@Suite("The command line's progress line")
struct TerminalProgressTests {
    @Test func progressLine() {
        #expect(TerminalProgress.line(action: "已生成", done: 50, total: 200, elapsed: 10) == "已生成 50/200 份（5.0 份/秒，约剩 0:30）")
        #expect(TerminalProgress.line(action: "已生成", done: 200, total: 200, elapsed: 4) == "已生成 200/200 份（50.0 份/秒）")
        #expect(TerminalProgress.line(action: "已检查", done: 256, total: nil, elapsed: 2) == "已检查 256 份（128.0 份/秒）")
    }
}
