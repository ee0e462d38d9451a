// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongwen",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gongwen", targets: ["Gongwen"]),
        .executable(name: "gongwen", targets: ["GongwenCLI"]),
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
        .testTarget(
            name: "GongwenTests",
            dependencies: ["Gongwen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
