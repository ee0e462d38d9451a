// The page at `/`: a shell that app.js fills. Everything the page needs is served by the
// binary itself (no CDN, no web fonts), so it works on an office network with no internet.
extension WebAssets {
    static let indexHTML = #"""
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>表格模板 · 公文 Gongwen</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="#/"><span class="brand-mark" aria-hidden="true">公</span><span class="brand-name">公文 Gongwen</span></a>
    <span class="brand-tag">附件表格 · 在线填写与下载</span>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
  <p class="loading">正在加载…</p>
  <noscript><p class="notice-box">此页面需要启用 JavaScript。也可以在命令行用 <code>gongwen render</code> 生成表格。</p></noscript>
</main>
<footer class="site-footer">
  <div class="wrap">生成的 XLSX / DOCX 可用 Excel、WPS、LibreOffice、Word 打开。填写的内容只用于生成文件，服务器不保存。</div>
</footer>
</body>
</html>
"""#

    static let faviconSVG = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b3261e"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">公</text></svg>
"""#
}
