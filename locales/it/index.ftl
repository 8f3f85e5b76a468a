### bitext: page index
### bitext: revision ccb2efee9f446944a4a58d3fa47f1e2179dc92e9

# bitext: source 7be9e57eb3ed6a1c
intro-front-matter-1 = Tidewater
# bitext: source 5e6aa2c2ece6615f
intro-front-matter-2 = Un piccolo strumento che tiene sincronizzata una cartella di note tra due computer.
# bitext: source 7be9e57eb3ed6a1c
tidewater-heading-1 = Tidewater
# bitext: source 7eb52d671458ee24
tidewater-paragraph-1 =
    Tidewater tiene sincronizzata una cartella di note tra due computer sulla
    tua rete locale. Non servono account né server, e le tue note non escono
    mai da casa tua.
# bitext: source 93d85c9969bc1e8e
tidewater-link-text-1 = Per iniziare
# bitext: source 29496acaea25840d
tidewater-attribute-title-1 = Codice sorgente
# bitext: source e940dab2e0b7a710
tidewater-admonition-title-1 = Prima di iniziare
# bitext: source ff9180611f45b056
tidewater-paragraph-2 =
    I due computer devono essere sulla stessa rete, e ognuno ha bisogno di
    circa 50 MB di spazio libero.
# bitext: source 1cfeee4ed64f50bd
what-it-does-heading-1 = Che cosa fa
# bitext: source e114e5e8095c08dd
what-it-does-list-item-1 = Osserva una cartella e copia ogni modifica sull'altro computer entro 2 secondi.
# bitext: source a1d9255e6c26a385
what-it-does-list-item-2 = Conserva le ultime 30 versioni di ogni file, così un errore si può annullare.
# bitext: source 640baec7e3b08b50
what-it-does-list-item-3 = Cifra ogni trasferimento con una chiave che conoscono solo i tuoi due computer.
# bitext: source 5c67b6c66029e5b2
what-it-does-table-cell-1 = Piattaforma
# bitext: source 5b0ef9a6841c7c27
what-it-does-table-cell-2 = Versione minima
# bitext: source ad3e3c8146fc920f
what-it-does-table-cell-3 = Stato
# bitext: source 7845e3b545ffe6bd
what-it-does-table-cell-4 = Linux
# bitext: source aa46eee9df80906d
what-it-does-table-cell-5 = kernel 5.4
# bitext: source 27cc88818cc46ff6
what-it-does-table-cell-6 = Stabile
# bitext: source 12f523a52b843ea2
what-it-does-table-cell-7 = macOS
# bitext: source 27cc88818cc46ff6
what-it-does-table-cell-8 = Stabile
# bitext: source 2d34c87f67f66c6a
what-it-does-table-cell-9 = Windows
# bitext: source a0b562a796b69487
what-it-does-table-cell-10 = Beta
# bitext: source fc582cc24d42f28b
what-it-does-abbreviation-1 = Rete locale
