### bitext: page guide/install
### bitext: revision ccb2efee9f446944a4a58d3fa47f1e2179dc92e9

# bitext: source d4a6da85e5a85df3
intro-front-matter-1 = Installare Tidewater
# bitext: source d4a6da85e5a85df3
installing-tidewater-heading-1 = Installare Tidewater
# bitext: source 3df7e593cb039b3f
installing-tidewater-paragraph-1 = Scegli le istruzioni per il tuo sistema. Ognuna installa lo stesso programma.
# bitext: source 7845e3b545ffe6bd
installing-tidewater-tab-title-1 = Linux
# bitext: source dbf33b9a8b6ffd6c
installing-tidewater-paragraph-2 = Scarica l'archivio ed estrailo in `/opt/tidewater`:
# bitext: source 12f523a52b843ea2
installing-tidewater-tab-title-2 = macOS
# bitext: source 11d5c0cfa88d1357
installing-tidewater-paragraph-3 =
    Trascina **Tidewater** nella cartella *Applicazioni*, poi aprilo una
    volta perché macOS chieda il permesso di osservare i tuoi file.
# bitext: source 20383634dcf2c19c
installing-tidewater-admonition-title-1 = Controlla il download
# bitext: source 84d3970832e52dac
installing-tidewater-paragraph-4 =
    Confronta il checksum dell'archivio con quello della
    { "[pagina delle versioni](https://example.org/tidewater/releases) prima di eseguirlo." }
# bitext: source dd1b5fb06e1a3793
installing-tidewater-admonition-title-2 = Come calcolare un checksum
# bitext: source bd3f60d1225f3efd
installing-tidewater-paragraph-5 =
    Esegui `sha256sum tidewater-1.4.0.tar.gz` e confronta i 64 caratteri
    che stampa con il valore pubblicato.
# bitext: source f64f0ba4ff983575
installing-tidewater-image-alt-1 = Icona di Tidewater
# bitext: source aa0bdc9e6b1835d7
installing-tidewater-paragraph-6 = Al primo avvio, Tidewater mostra un codice di abbinamento di 6 cifre[^1].
# bitext: source e986c6ad91f16e4a
installing-tidewater-footnote-1 = Il codice cambia ogni 30 secondi, quindi digitalo in fretta.
