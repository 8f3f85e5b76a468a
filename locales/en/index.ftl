### bitext: page index
### bitext: revision ccb2efee9f446944a4a58d3fa47f1e2179dc92e9

intro-front-matter-1 = Tidewater
intro-front-matter-2 = A small tool that keeps a folder of notes in sync between two computers.
tidewater-heading-1 = Tidewater
tidewater-paragraph-1 =
    Tidewater keeps a folder of notes in sync between two computers over your
    local network. It needs no account and no server, and it never sends your
    notes outside your home.
tidewater-link-text-1 = Get started
tidewater-attribute-title-1 = Source Code
tidewater-admonition-title-1 = Before you begin
tidewater-paragraph-2 =
    Both computers must be on the same network, and each needs about 50 MB
    of free disk space.
what-it-does-heading-1 = What it does
what-it-does-list-item-1 = Watches a folder and copies every change to the other computer within 2 seconds.
what-it-does-list-item-2 = Keeps the last 30 versions of each file, so a mistake can be undone.
what-it-does-list-item-3 = Encrypts every transfer with a key that only your two computers know.
what-it-does-table-cell-1 = Platform
what-it-does-table-cell-2 = Minimum version
what-it-does-table-cell-3 = Status
what-it-does-table-cell-4 = Linux
what-it-does-table-cell-5 = kernel 5.4
what-it-does-table-cell-6 = Stable
what-it-does-table-cell-7 = macOS
what-it-does-table-cell-8 = Stable
what-it-does-table-cell-9 = Windows
what-it-does-table-cell-10 = Beta
what-it-does-abbreviation-1 = Local Area Network
