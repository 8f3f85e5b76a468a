### bitext: page guide/sync
### bitext: revision c8bcfa90d223669f1addaf573239a821d85f0b8b

# bitext: source a0c600d07480808f
intro-front-matter-1 = Sincronizzare una cartella
# bitext: source a0c600d07480808f
syncing-a-folder-heading-1 = Sincronizzare una cartella
# bitext: source d56b63bad08711f6
syncing-a-folder-list-item-1 = Apri Tidewater su entrambi i computer.
# bitext: source af9f706881f7536c
syncing-a-folder-list-item-2 = Sul primo computer, scegli **Condividi una cartella** e seleziona la cartella.
# bitext: source cef7ea4673b3ed40
syncing-a-folder-paragraph-1 = Una cartella può essere condivisa con un solo computer alla volta.
# bitext: source c173334fcb13b832
syncing-a-folder-list-item-3 = Sul secondo computer, inserisci il codice di abbinamento.
# bitext: source 9c657c5b21e85cb4
conflicts-heading-1 = Conflitti
# bitext: source a2465b71e5c0f552
# bitext: stale, previous source:
# | When both computers change the same file before they see each other's
# | change, Tidewater keeps both versions and names the second one
# | `notes (conflict).md`.
conflicts-paragraph-1 =
    Quando entrambi i computer modificano lo stesso file prima di vedere la
    modifica dell'altro, Tidewater conserva entrambe le versioni e chiama la
    seconda `notes (conflict).md`.
# bitext: source ba0495e7061baebe
conflicts-paragraph-2 = I conflitti sono rari: la maggior parte delle persone ne incontra uno o due l'anno.
# bitext: source 175d37c8eb04d73e
conflicts-term-1 = Download
# bitext: source fddf1acdf4282c83
conflicts-definition-1 = I file più grandi di 2 GB vengono saltati ed elencati nel registro.
