### bitext: page guide/install
### bitext: revision ccb2efee9f446944a4a58d3fa47f1e2179dc92e9

intro-front-matter-1 = Installing Tidewater
installing-tidewater-heading-1 = Installing Tidewater
installing-tidewater-paragraph-1 = Pick the instructions for your system. Each one installs the same program.
installing-tidewater-tab-title-1 = Linux
installing-tidewater-paragraph-2 = Download the archive and unpack it into `/opt/tidewater`:
installing-tidewater-tab-title-2 = macOS
installing-tidewater-paragraph-3 =
    Drag **Tidewater** into the *Applications* folder, then open it once
    so that macOS asks for permission to watch your files.
installing-tidewater-admonition-title-1 = Check the download
installing-tidewater-paragraph-4 =
    Compare the checksum of the archive with the one on the
    { "[release page](https://example.org/tidewater/releases) before you run it." }
installing-tidewater-admonition-title-2 = How to compute a checksum
installing-tidewater-paragraph-5 =
    Run `sha256sum tidewater-1.4.0.tar.gz` and compare the 64 characters
    it prints with the published value.
installing-tidewater-image-alt-1 = Tidewater icon
installing-tidewater-paragraph-6 = After the first start, Tidewater shows a pairing code of 6 digits[^1].
installing-tidewater-footnote-1 = The code changes every 30 seconds, so type it quickly.
