### bitext: page guide/faq
### bitext: revision ccb2efee9f446944a4a58d3fa47f1e2179dc92e9

intro-front-matter-1 = Questions
questions-heading-1 = Questions
questions-admonition-title-1 = Does Tidewater work over the internet?
questions-paragraph-1 =
    No. Both computers must see each other on the local network. This is
    on purpose: your notes never cross a server you do not own.
questions-admonition-title-2 = Can I sync more than one folder?
questions-paragraph-2 = Yes. Each shared folder has its own pairing code.
