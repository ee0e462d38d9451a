// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongwen",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gongwen", targets: ["Gongwen"]),
        .executable(name: "gongwen", targets: ["GongwenCLI"]),
        .executable(name: "gongwen-bench", targets: ["GongwenBench"]),
        .executable(name: "gongwen-bench-peak", targets: ["BenchPeak"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        // ICU's word and line boundaries (UAX #29, #14), for breaking titles between words
        // (Debian's libicu-dev; ICU's headers stay inside the target, see its header).
        .target(name: "CICU", linkerSettings: [.linkedLibrary("icuuc")]),
        // A dictionary word segmenter for Chinese, for the compounds ICU's dictionary splits.
        .systemLibrary(
            name: "CFriso",
            pkgConfig: "friso",
            providers: [.apt(["libfriso-dev"])]
        ),
        // glibc's mallopt, which the Glibc module does not carry (see AllocatorTuning).
        .target(name: "CAllocator"),
        .target(
            name: "Gongwen",
            dependencies: ["CXlsxWriter", "CZip", "CAllocator", "CICU", "CFriso"]
        ),
        .executableTarget(
            name: "GongwenCLI",
            dependencies: [
                "Gongwen",
                "GongwenService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `gongwen serve`: the HTTP API and the web page on Hummingbird 2.
        .target(
            name: "GongwenService",
            dependencies: [
                "Gongwen",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The web page, compiled into the binary as byte arrays (`PackageResources`): the
            // one binary serves it offline from any directory, with no resource bundle beside
            // it to lose when it is copied to another machine.
            resources: [
                .embedInCode("Web/Resources/index.html"),
                .embedInCode("Web/Resources/app.css"),
                .embedInCode("Web/Resources/app.js"),
                .embedInCode("Web/Resources/import.js"),
                .embedInCode("Web/Resources/notice.js"),
                .embedInCode("Web/Resources/batch.js"),
                .embedInCode("Web/Resources/favicon.svg"),
            ]
        ),
        // The benchmark's floor: the same key-project sheet written by libxlsxwriter from C.
        .target(
            name: "CBenchFloor",
            linkerSettings: [.linkedLibrary("xlsxwriter"), .linkedLibrary("m")]
        ),
        // `swift run -c release gongwen-bench`: timings and ratios (see Benchmarks/README.md).
        .executableTarget(
            name: "GongwenBench",
            dependencies: ["Gongwen", "CBenchFloor"]
        ),
        // Runs the bench's batches so that their peak memory is their own (see its main.c).
        .executableTarget(name: "BenchPeak"),
        .testTarget(
            name: "GongwenTests",
            dependencies: ["Gongwen"],
            // Read from the checkout by path (GoldenTests), not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GongwenServiceTests",
            dependencies: [
                "Gongwen",
                "GongwenService",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Both edges' error tables, walked kind by kind.
        .testTarget(
            name: "GongwenEdgeTests",
            dependencies: ["Gongwen", "GongwenCLI", "GongwenService"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
