### bitext: page guide/sync
### bitext: revision c8bcfa90d223669f1addaf573239a821d85f0b8b

intro-front-matter-1 = Syncing a folder
syncing-a-folder-heading-1 = Syncing a folder
syncing-a-folder-list-item-1 = Open Tidewater on both computers.
syncing-a-folder-list-item-2 = On the first computer, choose **Share a folder** and pick the folder.
syncing-a-folder-paragraph-1 = A folder can be shared with one computer at a time.
syncing-a-folder-list-item-3 = On the second computer, enter the pairing code.
conflicts-heading-1 = Conflicts
conflicts-paragraph-1 =
    When both computers change the same file before they see each other's
    change, Tidewater keeps both copies and names the newer one
    `notes (conflict).md`.
conflicts-paragraph-2 = Conflicts are rare: most people meet one or two a year.
conflicts-term-1 = Downloads
conflicts-definition-1 = Files larger than 2 GB are skipped and listed in the log.
