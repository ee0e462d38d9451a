// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongwen",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gongwen", targets: ["Gongwen"]),
        .executable(name: "gongwen", targets: ["GongwenCLI"]),
        .executable(name: "gongwen-bench", targets: ["GongwenBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(
            name: "Gongwen",
            dependencies: ["CXlsxWriter", "CZip"]
        ),
        .executableTarget(
            name: "GongwenCLI",
            dependencies: [
                "Gongwen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(
            name: "GongwenTests",
            dependencies: ["Gongwen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
