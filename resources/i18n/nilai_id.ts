<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>regencies, cities and provinces</source>
            <translation>kabupaten, kota, dan provinsi</translation>
        </message>
        <message>
            <source>evaluation sheets and signature appearances</source>
            <translation>lembar penilaian dan tampilan tanda tangan</translation>
        </message>
        <message>
            <source>the language</source>
            <translation>bahasa pemrograman</translation>
        </message>
        <message>
            <source>the desktop window; Qt's libraries are separate files in the program folder and may be replaced</source>
            <translation>jendela desktop; pustaka Qt berupa berkas terpisah di folder program dan boleh diganti</translation>
        </message>
        <message>
            <source>evaluation sheet PDFs</source>
            <translation>PDF lembar penilaian</translation>
        </message>
        <message>
            <source>PDF signatures (PAdES)</source>
            <translation>tanda tangan PDF (PAdES)</translation>
        </message>
        <message>
            <source>certificate checks</source>
            <translation>pemeriksaan sertifikat</translation>
        </message>
        <message>
            <source>keys, certificates, bundle encryption</source>
            <translation>kunci, sertifikat, enkripsi paket</translation>
        </message>
        <message>
            <source>certificate structures</source>
            <translation>struktur sertifikat</translation>
        </message>
        <message>
            <source>the database</source>
            <translation>basis data</translation>
        </message>
        <message>
            <source>database tables</source>
            <translation>tabel basis data</translation>
        </message>
        <message>
            <source>data validation</source>
            <translation>validasi data</translation>
        </message>
        <message>
            <source>database schema updates</source>
            <translation>pembaruan skema basis data</translation>
        </message>
        <message>
            <source>where data is kept</source>
            <translation>lokasi penyimpanan data</translation>
        </message>
        <message>
            <source>instrument files</source>
            <translation>berkas instrumen</translation>
        </message>
        <message>
            <source>instrument and bundle validation</source>
            <translation>validasi instrumen dan paket</translation>
        </message>
        <message>
            <source>quick checks of instrument files</source>
            <translation>pemeriksaan cepat berkas instrumen</translation>
        </message>
        <message>
            <source>quick checks of imported records</source>
            <translation>pemeriksaan cepat rekaman yang diimpor</translation>
        </message>
        <message>
            <source>QR codes on sheets</source>
            <translation>kode QR pada lembar</translation>
        </message>
        <message>
            <source>images</source>
            <translation>gambar</translation>
        </message>
        <message>
            <source>embedded fonts</source>
            <translation>fon tertanam</translation>
        </message>
        <message>
            <source>text shaping in signatures</source>
            <translation>pembentukan teks pada tanda tangan</translation>
        </message>
        <message>
            <source>PDF metadata</source>
            <translation>metadata PDF</translation>
        </message>
        <message>
            <source>consolidation statistics</source>
            <translation>statistik konsolidasi</translation>
        </message>
        <message>
            <source>agreement between assessors (Krippendorff's alpha)</source>
            <translation>kesepakatan antarpenilai (alfa Krippendorff)</translation>
        </message>
        <message>
            <source>Excel exports</source>
            <translation>ekspor Excel</translation>
        </message>
        <message>
            <source>required by pyHanko (Nilai never goes online)</source>
            <translation>diperlukan pyHanko (Nilai tidak pernah terhubung ke internet)</translation>
        </message>
        <message>
            <source>About Nilai</source>
            <translation>Tentang Nilai</translation>
        </message>
        <message>
            <source>Scoring of regional readiness interviews, offline: every change is saved as you make it, evaluation sheets are signed, results travel as signed bundles.</source>
            <translation>Penilaian wawancara kesiapan daerah tanpa internet: setiap perubahan langsung tersimpan, lembar penilaian ditandatangani, hasil dikirim sebagai paket bertanda tangan.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Folder data:</translation>
        </message>
        <message>
            <source>Log file:</source>
            <translation>Berkas log:</translation>
        </message>
        <message>
            <source>Program:</source>
            <translation>Program:</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Lisensi</translation>
        </message>
        <message>
            <source>Nilai is free software under the MIT licence.</source>
            <translation>Nilai adalah perangkat lunak bebas dengan lisensi MIT.</translation>
        </message>
        <message>
            <source>Data shipped with Nilai</source>
            <translation>Data yang disertakan bersama Nilai</translation>
        </message>
        <message>
            <source>Read the DejaVu font licence</source>
            <translation>Baca lisensi fon DejaVu</translation>
        </message>
        <message>
            <source>Libraries</source>
            <translation>Pustaka</translation>
        </message>
        <message>
            <source>Credits and licences</source>
            <translation>Kredit dan lisensi</translation>
        </message>
    </context>
    <context>
        <name>AdjustmentRefusal</name>
        <message>
            <source>&lt;b&gt;Adjusted for assessor severity is refused for this round:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Penyesuaian keketatan penilai ditolak untuk putaran ini:&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Adjusted for assessor severity is refused for this round.&lt;/b&gt; Its assessors form %1 groups that scored no region in common, so their severities cannot be compared:</source>
            <translation>&lt;b&gt;Penyesuaian keketatan penilai ditolak untuk putaran ini.&lt;/b&gt; Para penilainya membentuk %1 kelompok yang tidak menilai satu daerah pun bersama, sehingga keketatan mereka tidak dapat dibandingkan:</translation>
        </message>
        <message>
            <source>Link the panels (rotate assessors between panels, or have every assessor score a calibration case), or rank with the mean, median or trimmed mean. No ranking is shown for this rule and nothing is exported with it.</source>
            <translation>Hubungkan panel (gilir penilai antarpanel, atau minta setiap penilai menilai kasus kalibrasi), atau buat peringkat dengan rata-rata, median, atau rata-rata terpangkas. Tidak ada peringkat yang ditampilkan dengan aturan ini dan tidak ada yang diekspor dengannya.</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>dan %1 lainnya</translation>
        </message>
        <message>
            <source>no panel in the schedule</source>
            <translation>tidak ada panel di jadwal</translation>
        </message>
        <message>
            <source>Group %1: %2 — %3 (%4 regions)</source>
            <translation>Kelompok %1: %2 — %3 (%4 daerah)</translation>
        </message>
    </context>
    <context>
        <name>Application</name>
        <message>
            <source>Nilai cannot open its data</source>
            <translation>Nilai tidak dapat membuka datanya</translation>
        </message>
        <message>
            <source>Nilai cannot continue</source>
            <translation>Nilai tidak dapat melanjutkan</translation>
        </message>
        <message>
            <source>Checking the data</source>
            <translation>Memeriksa data</translation>
        </message>
        <message>
            <source>Data not checked</source>
            <translation>Data belum diperiksa</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Memulihkan cadangan…</translation>
        </message>
        <message>
            <source>Restoring the backup</source>
            <translation>Memulihkan cadangan</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Pulihkan cadangan</translation>
        </message>
        <message>
            <source>The backup is restored. The data as it was before is kept in %1.</source>
            <translation>Cadangan sudah dipulihkan. Data sebelum pemulihan disimpan di %1.</translation>
        </message>
        <message>
            <source>The backup is restored. The damaged data is kept in %1.</source>
            <translation>Cadangan sudah dipulihkan. Data yang rusak disimpan di %1.</translation>
        </message>
    </context>
    <context>
        <name>Arrivals</name>
        <message>
            <source>Looking for arrivals</source>
            <translation>Memeriksa kiriman yang masuk</translation>
        </message>
        <message>
            <source>%1 bundle(s) arrived through the sync service</source>
            <translation>%1 bundel tiba melalui layanan sinkronisasi</translation>
        </message>
        <message>
            <source>through the sync service, %1</source>
            <translation>melalui layanan sinkronisasi, %1</translation>
        </message>
        <message>
            <source>Deleting rejected bundles from the quarantine</source>
            <translation>Menghapus bundel yang ditolak dari karantina</translation>
        </message>
    </context>
    <context>
        <name>AssessmentSession</name>
        <message>
            <source>Reading the assessment</source>
            <translation>Membaca penilaian</translation>
        </message>
        <message>
            <source>Attaching evidence</source>
            <translation>Melampirkan bukti dukung</translation>
        </message>
    </context>
    <context>
        <name>AssessorModel</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Comes from</source>
            <translation>Asal</translation>
        </message>
        <message>
            <source>Declared conflicts</source>
            <translation>Konflik yang dinyatakan</translation>
        </message>
    </context>
    <context>
        <name>AssessorsPage</name>
        <message>
            <source>academic</source>
            <translation>akademisi</translation>
        </message>
        <message>
            <source>government</source>
            <translation>pemerintah</translation>
        </message>
        <message>
            <source>IT practitioner</source>
            <translation>praktisi TI</translation>
        </message>
        <message>
            <source>3 · Assessors</source>
            <translation>3 · Penilai</translation>
        </message>
        <message>
            <source>Who interviews, and where each comes from: nobody is seated on a candidate of their own province or regency/city. Declare any other conflict of interest below.</source>
            <translation>Siapa yang mewawancarai, dan dari mana asalnya: tak seorang pun duduk di panel kandidat dari provinsi atau kabupaten/kotanya sendiri. Nyatakan konflik kepentingan lain di bawah.</translation>
        </message>
        <message>
            <source>Assessors of the round</source>
            <translation>Penilai putaran ini</translation>
        </message>
        <message>
            <source>&amp;New assessor</source>
            <translation>Pe&amp;nilai baru</translation>
        </message>
        <message>
            <source>Import from a &amp;file…</source>
            <translation>Impor dari berka&amp;s…</translation>
        </message>
        <message>
            <source>XLSX or CSV with columns name, nip, organisation, role, province, region, conflicts</source>
            <translation>XLSX atau CSV dengan kolom name, nip, organisation, role, province, region, conflicts</translation>
        </message>
        <message>
            <source>Re&amp;move from the round</source>
            <translation>Keluarkan &amp;dari putaran</translation>
        </message>
        <message>
            <source>18 digits</source>
            <translation>18 digit</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— tidak diisi —</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Declared conflicts</source>
            <translation>Konflik yang dinyatakan</translation>
        </message>
        <message>
            <source>Region (type to search)</source>
            <translation>Daerah (ketik untuk mencari)</translation>
        </message>
        <message>
            <source>Reason, e.g. served there until 2024</source>
            <translation>Alasan, mis. bertugas di sana sampai 2024</translation>
        </message>
        <message>
            <source>Dec&amp;lare</source>
            <translation>Nyatakan k&amp;onflik</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>Add this assessor</source>
            <translation>Tambahkan penilai ini</translation>
        </message>
        <message>
            <source>Nam&amp;e:</source>
            <translation>Na&amp;ma:</translation>
        </message>
        <message>
            <source>NIP:</source>
            <translation>NIP:</translation>
        </message>
        <message>
            <source>Or&amp;ganisation:</source>
            <translation>Instansi:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Peran:</translation>
        </message>
        <message>
            <source>Province:</source>
            <translation>Provinsi:</translation>
        </message>
        <message>
            <source>Regency/city:</source>
            <translation>Kabupaten/kota:</translation>
        </message>
        <message>
            <source>Other conflicts:</source>
            <translation>Konflik lain:</translation>
        </message>
        <message>
            <source>%1 assessor(s)</source>
            <translation>%1 penilai</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>belum ada</translation>
        </message>
        <message>
            <source>— the whole province —</source>
            <translation>— seluruh provinsi —</translation>
        </message>
        <message>
            <source>An assessor needs a name: type it in Name, then add.</source>
            <translation>Penilai memerlukan nama: ketik di Nama, lalu tambahkan.</translation>
        </message>
        <message>
            <source>add assessor %1</source>
            <translation>tambah penilai %1</translation>
        </message>
        <message>
            <source>An assessor needs a name; the old one is kept.</source>
            <translation>Penilai memerlukan nama; nama lama tetap dipakai.</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 dari %2</translation>
        </message>
        <message>
            <source>name</source>
            <translation>nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>instansi</translation>
        </message>
        <message>
            <source>role</source>
            <translation>peran</translation>
        </message>
        <message>
            <source>province</source>
            <translation>provinsi</translation>
        </message>
        <message>
            <source>regency/city</source>
            <translation>kabupaten/kota</translation>
        </message>
        <message>
            <source>declared conflicts</source>
            <translation>konflik yang dinyatakan</translation>
        </message>
        <message>
            <source>Choose the region of the conflict from the list (type part of its name).</source>
            <translation>Pilih daerah konflik dari daftar (ketik sebagian namanya).</translation>
        </message>
        <message>
            <source>remove assessor %1</source>
            <translation>keluarkan penilai %1</translation>
        </message>
        <message>
            <source>Import assessors</source>
            <translation>Impor penilai</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Lembar kerja (*.xlsx *.csv);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>%1 assessor(s) imported from %2.</source>
            <translation>%1 penilai diimpor dari %2.</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was imported; the first: %3</source>
            <translation>%1: %2 masalah, tidak ada yang diimpor; yang pertama: %3</translation>
        </message>
        <message>
            <source>Region of the conflict of interest</source>
            <translation>Wilayah konflik kepentingan</translation>
        </message>
        <message>
            <source>Reason of the conflict of interest</source>
            <translation>Alasan konflik kepentingan</translation>
        </message>
    </context>
    <context>
        <name>AutoSync</name>
        <message>
            <source>Sync</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <source>Sending %1 assessment(s) to the coordinator…</source>
            <translation>Mengirim %1 penilaian ke koordinator…</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Sync: %1 assessment(s) taken in by the coordinator.</source>
            <translation>Sinkronisasi: %1 penilaian diterima koordinator.</translation>
        </message>
        <message>
            <source>Sync: %1 taken in, %2 still waiting: %3</source>
            <translation>Sinkronisasi: %1 diterima, %2 masih menunggu: %3</translation>
        </message>
        <message>
            <source>Sync: another sync is running on this laptop (File ▸ Sync now or nilai sync); it sends what is queued.</source>
            <translation>Sinkronisasi: sinkronisasi lain sedang berjalan di laptop ini (Berkas ▸ Sinkronkan sekarang atau nilai sync); itulah yang mengirim antrean.</translation>
        </message>
        <message>
            <source>Sync failed; everything stays queued: %1</source>
            <translation>Sinkronisasi gagal; semuanya tetap dalam antrean: %1</translation>
        </message>
        <message>
            <source>%1 assessment(s) waiting to sync · unlock to send</source>
            <translation>%1 penilaian menunggu sinkronisasi · buka kunci untuk mengirim</translation>
        </message>
        <message>
            <source>The sync service answers. Click to give your passphrase once for this session; then finalized and signed assessments are sent by themselves.</source>
            <translation>Layanan sinkronisasi menjawab. Klik untuk memasukkan frasa sandi Anda sekali untuk sesi ini; setelah itu penilaian final dan bertanda tangan terkirim dengan sendirinya.</translation>
        </message>
        <message>
            <source>%1 assessment(s) waiting to sync</source>
            <translation>%1 penilaian menunggu sinkronisasi</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>luring</translation>
        </message>
        <message>
            <source>not sent</source>
            <translation>belum terkirim</translation>
        </message>
        <message>
            <source>They are sent by themselves when the sync service answers.</source>
            <translation>Penilaian terkirim dengan sendirinya begitu layanan sinkronisasi menjawab.</translation>
        </message>
        <message>
            <source>offline: the sync service did not answer; tried again later</source>
            <translation>luring: layanan sinkronisasi tidak menjawab; dicoba lagi nanti</translation>
        </message>
        <message>
            <source>the service&apos;s certificate is not the one in the round package: ask the coordinator for a new round package</source>
            <translation>sertifikat layanan bukan yang ada di paket ronde: minta paket ronde baru kepada koordinator</translation>
        </message>
        <message>
            <source>certificate not trusted yet: the coordinator has not trusted your certificate; it goes through once they do</source>
            <translation>sertifikat belum dipercaya: koordinator belum memercayai sertifikat Anda; penilaian terkirim setelah dipercaya</translation>
        </message>
        <message>
            <source>its round package names no sync service; hand in a bundle file</source>
            <translation>paket rondenya tidak menyebut layanan sinkronisasi; serahkan berkas bundel</translation>
        </message>
        <message>
            <source>refused by the service: %1</source>
            <translation>ditolak oleh layanan: %1</translation>
        </message>
        <message>
            <source>%1: nothing fetched: %2</source>
            <translation>%1: tidak ada yang diambil: %2</translation>
        </message>
        <message>
            <source>%1 assessment(s) returned to you for revision: see the schedule.</source>
            <translation>%1 penilaian dikembalikan kepada Anda untuk revisi: lihat jadwal.</translation>
        </message>
    </context>
    <context>
        <name>BundleExportDialog</name>
        <message>
            <source>Save the result bundle</source>
            <translation>Simpan paket hasil</translation>
        </message>
        <message>
            <source>Nilai result bundles (*.nilai)</source>
            <translation>Paket hasil Nilai (*.nilai)</translation>
        </message>
        <message>
            <source>Export result bundle</source>
            <translation>Ekspor paket hasil</translation>
        </message>
        <message>
            <source>A signed bundle of your finalized and signed assessments, for your coordinator (on a USB stick or by mail). Drafts never leave this computer.</source>
            <translation>Paket bertanda tangan berisi penilaian Anda yang sudah final dan ditandatangani, untuk koordinator Anda (lewat flashdisk atau surel). Draf tidak pernah keluar dari komputer ini.</translation>
        </message>
        <message>
            <source>&amp;Round:</source>
            <translation>&amp;Putaran:</translation>
        </message>
        <message>
            <source>&amp;Only what is new since the last export</source>
            <translation>&amp;Hanya yang baru sejak ekspor terakhir</translation>
        </message>
        <message>
            <source>&amp;Encrypt for my coordinator</source>
            <translation>&amp;Enkripsi untuk koordinator saya</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versi</translation>
        </message>
        <message>
            <source>Assessments in the bundle</source>
            <translation>Penilaian dalam paket</translation>
        </message>
        <message>
            <source>Bundle file</source>
            <translation>Berkas paket</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Berkas:</translation>
        </message>
        <message>
            <source>&amp;Sign and export</source>
            <translation>&amp;Tanda tangani dan ekspor</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>All rounds</source>
            <translation>Semua putaran</translation>
        </message>
        <message>
            <source>v%1</source>
            <translation>v%1</translation>
        </message>
        <message>
            <source>exported before</source>
            <translation>sudah pernah diekspor</translation>
        </message>
        <message numerus="yes">
            <source>Last export: %1, %n assessment(s), %2</source>
            <translation>
                <numerusform>Ekspor terakhir: %1, %n penilaian, %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing has been exported from this computer yet.</source>
            <translation>Belum ada yang diekspor dari komputer ini.</translation>
        </message>
        <message>
            <source>Only %1 (certificate %2…) can open it; your name and the signature stay readable.</source>
            <translation>Hanya %1 (sertifikat %2…) yang dapat membukanya; nama Anda dan tanda tangannya tetap terbaca.</translation>
        </message>
        <message>
            <source>Not available: the round did not come in a round package from your coordinator, so there is no certificate to encrypt for.</source>
            <translation>Tidak tersedia: putaran ini tidak datang dalam paket putaran dari koordinator Anda, jadi tidak ada sertifikat tujuan enkripsi.</translation>
        </message>
        <message>
            <source>There is no assessor profile here yet (Settings → Profile).</source>
            <translation>Belum ada profil penilai di sini (Pengaturan → Profil).</translation>
        </message>
        <message>
            <source>Nothing new to export: every finalized assessment is in an earlier bundle. Untick “Only what is new since the last export” to export them all again.</source>
            <translation>Tidak ada yang baru untuk diekspor: setiap penilaian final sudah masuk paket sebelumnya. Hapus centang “Hanya yang baru sejak ekspor terakhir” untuk mengekspor semuanya lagi.</translation>
        </message>
        <message>
            <source>You have no finalized assessment to export yet.</source>
            <translation>Anda belum memiliki penilaian final untuk diekspor.</translation>
        </message>
        <message numerus="yes">
            <source>%n assessment(s) will be in the bundle</source>
            <translation>
                <numerusform>%n penilaian akan masuk ke paket</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 with a signed sheet, %2 finalized without one.</source>
            <translation>%1 dengan lembar bertanda tangan, %2 final tanpa lembar bertanda tangan.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist. Choose another place for the bundle.</source>
            <translation>Folder %1 tidak ada. Pilih tempat lain untuk paket ini.</translation>
        </message>
        <message>
            <source>A result bundle is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Paket hasil ditandatangani dengan identitas penanda tangan Anda (kunci dan sertifikatnya), dan komputer ini belum memilikinya. Buat dari profil Anda di sini, atau impor berkas .p12 dari instansi Anda (tab “Impor .p12”).</translation>
        </message>
        <message>
            <source>Nothing was exported: a bundle must be signed, and there is no signing identity on this computer yet.</source>
            <translation>Tidak ada yang diekspor: paket harus ditandatangani, dan komputer ini belum memiliki identitas penanda tangan.</translation>
        </message>
        <message numerus="yes">
            <source>Sign a result bundle of %n assessment(s).</source>
            <translation>
                <numerusform>Tanda tangani paket hasil berisi %n penilaian.</numerusform>
            </translation>
        </message>
        <message>
            <source>Signing and writing the bundle…</source>
            <translation>Menandatangani dan menulis paket…</translation>
        </message>
        <message>
            <source>Exporting the result bundle</source>
            <translation>Mengekspor paket hasil</translation>
        </message>
        <message numerus="yes">
            <source>%n assessment(s) written to %1</source>
            <translation>
                <numerusform>%n penilaian ditulis ke %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Encrypted for your coordinator.</source>
            <translation>Dienkripsi untuk koordinator Anda.</translation>
        </message>
        <message>
            <source>No bundle was written: %1</source>
            <translation>Tidak ada paket yang ditulis: %1</translation>
        </message>
        <message>
            <source>The rounds come from different coordinators: choose one round to encrypt the bundle for its coordinator.</source>
            <translation>Putaran-putaran ini berasal dari koordinator yang berbeda: pilih satu putaran untuk mengenkripsi paket bagi koordinatornya.</translation>
        </message>
    </context>
    <context>
        <name>CalibrationPanel</name>
        <message>
            <source>Calibration case</source>
            <translation>Kasus kalibrasi</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Against the median</source>
            <translation>Terhadap median</translation>
        </message>
        <message>
            <source>Sits high on</source>
            <translation>Lebih tinggi pada</translation>
        </message>
        <message>
            <source>Sits low on</source>
            <translation>Lebih rendah pada</translation>
        </message>
        <message>
            <source>Calibration: each assessor against the median</source>
            <translation>Kalibrasi: setiap penilai terhadap median</translation>
        </message>
        <message>
            <source>&lt;b&gt;Calibration&lt;/b&gt; — this round has no calibration case (add one in &lt;i&gt;Round setup ▸ Candidates&lt;/i&gt;, or with &lt;i&gt;nilai round calibration add&lt;/i&gt;).</source>
            <translation>&lt;b&gt;Kalibrasi&lt;/b&gt; — putaran ini belum memiliki kasus kalibrasi (tambahkan di &lt;i&gt;Persiapan putaran ▸ Kandidat&lt;/i&gt;, atau dengan &lt;i&gt;nilai round calibration add&lt;/i&gt;).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Calibration&lt;/b&gt; — each assessor's levels on the calibration case(s) against the median of all assessors: + sits high (lenient), − sits low (strict); an indicator is named when the assessor sat at least %1 level(s) from the median.</source>
            <translation>&lt;b&gt;Kalibrasi&lt;/b&gt; — tingkat yang diberikan setiap penilai pada kasus kalibrasi dibandingkan median semua penilai: + lebih tinggi (longgar), − lebih rendah (ketat); sebuah indikator disebut bila penilai berjarak sedikitnya %1 tingkat dari median.</translation>
        </message>
    </context>
    <context>
        <name>CandidateModel</name>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>CandidatesPage</name>
        <message>
            <source>invited</source>
            <translation>diundang</translation>
        </message>
        <message>
            <source>to be interviewed</source>
            <translation>akan diwawancarai</translation>
        </message>
        <message>
            <source>assessed</source>
            <translation>sudah dinilai</translation>
        </message>
        <message>
            <source>shortlisted</source>
            <translation>masuk daftar pendek</translation>
        </message>
        <message>
            <source>selected</source>
            <translation>terpilih</translation>
        </message>
        <message>
            <source>2 · Candidates</source>
            <translation>2 · Kandidat</translation>
        </message>
        <message>
            <source>Pick regions from the catalogue, paste a list of BPS codes or names, or read a column of a spreadsheet. Names that fit two regions (such as Banjar) are asked about, never guessed.</source>
            <translation>Pilih daerah dari katalog, tempel daftar kode BPS atau nama, atau baca satu kolom lembar kerja. Nama yang cocok untuk dua daerah (seperti Banjar) ditanyakan, tidak pernah ditebak.</translation>
        </message>
        <message>
            <source>Search by name or code…</source>
            <translation>Cari nama atau kode…</translation>
        </message>
        <message>
            <source>All provinces</source>
            <translation>Semua provinsi</translation>
        </message>
        <message>
            <source>Regencies and cities</source>
            <translation>Kabupaten dan kota</translation>
        </message>
        <message>
            <source>Regencies (kabupaten)</source>
            <translation>Kabupaten</translation>
        </message>
        <message>
            <source>Cities (kota)</source>
            <translation>Kota</translation>
        </message>
        <message>
            <source>Region catalogue</source>
            <translation>Katalog daerah</translation>
        </message>
        <message>
            <source>Add selected →</source>
            <translation>Tambahkan yang dipilih →</translation>
        </message>
        <message>
            <source>Status of the regions added</source>
            <translation>Status daerah yang ditambahkan</translation>
        </message>
        <message>
            <source>Paste a &amp;list…</source>
            <translation>Tempel &amp;daftar…</translation>
        </message>
        <message>
            <source>Read a spreadsheet colu&amp;mn…</source>
            <translation>Baca k&amp;olom lembar kerja…</translation>
        </message>
        <message>
            <source>Candidates of the round</source>
            <translation>Kandidat putaran ini</translation>
        </message>
        <message>
            <source>Status of the selected candidates</source>
            <translation>Status kandidat yang dipilih</translation>
        </message>
        <message>
            <source>S&amp;et status</source>
            <translation>Tetapkan &amp;status</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Lepas</translation>
        </message>
        <message>
            <source>Remove the selected candidates (Delete)</source>
            <translation>Hapus kandidat yang dipilih (Delete)</translation>
        </message>
        <message>
            <source>Region catalogue (514 regencies and cities)</source>
            <translation>Katalog daerah (514 kabupaten dan kota)</translation>
        </message>
        <message>
            <source>Search:</source>
            <translation>Cari:</translation>
        </message>
        <message>
            <source>Candidates of this round</source>
            <translation>Kandidat putaran ini</translation>
        </message>
        <message>
            <source>Ctrl+F; Enter goes to the first region found, Enter again adds it</source>
            <translation>Ctrl+F; Enter menuju daerah pertama yang ditemukan, Enter sekali lagi menambahkannya</translation>
        </message>
        <message>
            <source>%1 candidate(s), %2 to be interviewed</source>
            <translation>%1 kandidat, %2 akan diwawancarai</translation>
        </message>
        <message>
            <source>%1 candidate(s)</source>
            <translation>%1 kandidat</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>belum ada</translation>
        </message>
        <message>
            <source>add %1 candidate(s)</source>
            <translation>tambah %1 kandidat</translation>
        </message>
        <message>
            <source>Select one or more regions in the catalogue first.</source>
            <translation>Pilih dulu satu daerah atau lebih di katalog.</translation>
        </message>
        <message>
            <source>remove %1 candidate(s)</source>
            <translation>hapus %1 kandidat</translation>
        </message>
        <message>
            <source>Select one or more candidates first.</source>
            <translation>Pilih dulu satu kandidat atau lebih.</translation>
        </message>
        <message>
            <source>%1 candidate(s) %2</source>
            <translation>%1 kandidat %2</translation>
        </message>
        <message>
            <source>Read candidates from a spreadsheet column</source>
            <translation>Baca kandidat dari kolom lembar kerja</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Lembar kerja (*.xlsx *.csv);;Semua berkas (*)</translation>
        </message>
    </context>
    <context>
        <name>ChartsTab</name>
        <message>
            <source>Region on the radar</source>
            <translation>Daerah pada radar</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>&amp;Daerah:</translation>
        </message>
        <message>
            <source>Rank %1</source>
            <translation>Peringkat %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Resolve a conflict</source>
            <translation>Selesaikan konflik</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Competing versions of one assessment arrived. Choose the one that is in force; the others stay in the history.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Ada beberapa versi yang bersaing untuk satu penilaian. Pilih versi yang berlaku; versi lainnya tetap tersimpan dalam riwayat.</translation>
        </message>
        <message>
            <source>&amp;Reason (required, kept in the change log):</source>
            <translation>&amp;Alasan (wajib, disimpan dalam catatan perubahan):</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Use the chosen version</source>
            <translation>Gunakan versi yang dipilih</translation>
        </message>
        <message>
            <source>version %1</source>
            <translation>versi %1</translation>
        </message>
        <message>
            <source>other content of version %1</source>
            <translation>isi lain dari versi %1</translation>
        </message>
        <message>
            <source>%1 — %2, %3, total %4</source>
            <translation>%1 — %2, %3, total %4</translation>
        </message>
        <message>
            <source> (in force now)</source>
            <translation> (berlaku sekarang)</translation>
        </message>
        <message>
            <source>Levels that differ between the versions</source>
            <translation>Tingkat yang berbeda antarversi</translation>
        </message>
        <message>
            <source>n/a</source>
            <translation>t/b</translation>
        </message>
        <message>
            <source>Indicators where the versions differ</source>
            <translation>Indikator yang berbeda antarversi</translation>
        </message>
        <message>
            <source>The versions give the same levels</source>
            <translation>Semua versi memberikan tingkat yang sama</translation>
        </message>
        <message>
            <source>Levels where the versions differ:</source>
            <translation>Tingkat yang berbeda antarversi:</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Detected</source>
            <translation>Terdeteksi</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versi</translation>
        </message>
        <message>
            <source>two versions from one parent</source>
            <translation>dua versi dari satu induk</translation>
        </message>
        <message>
            <source>same version, different content</source>
            <translation>versi sama, isi berbeda</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorActions</name>
        <message>
            <source>New ro&amp;und…</source>
            <translation>P&amp;utaran baru…</translation>
        </message>
        <message>
            <source>Prepare a round: instrument, candidates, assessors, panels, schedule</source>
            <translation>Siapkan putaran: instrumen, kandidat, penilai, panel, jadwal</translation>
        </message>
        <message>
            <source>&amp;Coordinator view…</source>
            <translation>Tampilan &amp;koordinator…</translation>
        </message>
        <message>
            <source>Import bundles, see coverage and agreement, moderate, rank and export</source>
            <translation>Impor paket, lihat cakupan dan kesepakatan, moderasi, peringkat, dan ekspor</translation>
        </message>
        <message>
            <source>&amp;Import result bundles…</source>
            <translation>&amp;Impor paket hasil…</translation>
        </message>
        <message>
            <source>Take in the assessors' signed result bundles</source>
            <translation>Terima paket hasil bertanda tangan dari para penilai</translation>
        </message>
        <message>
            <source>Expor&amp;t ranking as CSV…</source>
            <translation>Ekspor peringkat sebagai &amp;CSV…</translation>
        </message>
        <message>
            <source>The ranking and every level behind it, as two CSV files</source>
            <translation>Peringkat beserta semua tingkat di baliknya, sebagai dua berkas CSV</translation>
        </message>
        <message>
            <source>Export ranking as &amp;XLSX…</source>
            <translation>Ekspor peringkat sebagai &amp;XLSX…</translation>
        </message>
        <message>
            <source>Ranking, Scores and Method sheets</source>
            <translation>Lembar Peringkat, Nilai, dan Metode</translation>
        </message>
        <message>
            <source>Export ranking &amp;report (PDF)…</source>
            <translation>Ekspor &amp;laporan peringkat (PDF)…</translation>
        </message>
        <message>
            <source>Method, agreement, charts and the ranking table</source>
            <translation>Metode, kesepakatan, grafik, dan tabel peringkat</translation>
        </message>
        <message>
            <source>Export &amp;signed ranking report (PDF)…</source>
            <translation>Ekspor laporan peringkat &amp;bertanda tangan (PDF)…</translation>
        </message>
        <message>
            <source>The report, signed with this data directory's key</source>
            <translation>Laporan, ditandatangani dengan kunci direktori data ini</translation>
        </message>
        <message>
            <source>Export round &amp;package for assessors…</source>
            <translation>Ekspor &amp;paket putaran untuk penilai…</translation>
        </message>
        <message>
            <source>The round, instrument, panels and schedule, signed</source>
            <translation>Putaran, instrumen, panel, dan jadwal, bertanda tangan</translation>
        </message>
        <message>
            <source>Import i&amp;nstrument from workbook…</source>
            <translation>Impor i&amp;nstrumen dari buku kerja…</translation>
        </message>
        <message>
            <source>An instrument written in an XLSForm-style spreadsheet (.xlsx)</source>
            <translation>Instrumen yang ditulis dalam lembar kerja bergaya XLSForm (.xlsx)</translation>
        </message>
        <message>
            <source>Pre&amp;view instrument…</source>
            <translation>Pra&amp;tinjau instrumen…</translation>
        </message>
        <message>
            <source>The interview screen and the evaluation sheet of an instrument, before the round is handed out</source>
            <translation>Layar wawancara dan lembar penilaian sebuah instrumen, sebelum putaran dibagikan</translation>
        </message>
        <message>
            <source>&amp;Coordinator</source>
            <translation>&amp;Koordinator</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorServices</name>
        <message>
            <source>Import result bundles</source>
            <translation>Impor paket hasil</translation>
        </message>
        <message>
            <source>Nilai result bundles (*.nilai);;All files (*)</source>
            <translation>Paket hasil Nilai (*.nilai);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>coordinator</source>
            <translation>koordinator</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorSession</name>
        <message>
            <source>Estimating the assessor severities</source>
            <translation>Memperkirakan keketatan penilai</translation>
        </message>
        <message>
            <source>Consolidating</source>
            <translation>Mengonsolidasikan</translation>
        </message>
        <message>
            <source>Official rule of the round: %1 (recorded with your name and the time)</source>
            <translation>Aturan resmi putaran: %1 (dicatat dengan nama Anda dan waktunya)</translation>
        </message>
        <message>
            <source>Recording the official rule</source>
            <translation>Mencatat aturan resmi</translation>
        </message>
        <message>
            <source>%1 %2: moderation cleared</source>
            <translation>%1 %2: moderasi dihapus</translation>
        </message>
        <message>
            <source>%1 %2: moderated to level %3</source>
            <translation>%1 %2: dimoderasi ke tingkat %3</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Tidak ada yang berubah</translation>
        </message>
        <message>
            <source>Moderating</source>
            <translation>Memoderasi</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorView</name>
        <message>
            <source>Round</source>
            <translation>Putaran</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ro&amp;und:</source>
            <translation>&amp;Putaran:</translation>
        </message>
        <message>
            <source>Consolidating…</source>
            <translation>Mengonsolidasikan…</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Impor</translation>
        </message>
        <message>
            <source>Co&amp;verage</source>
            <translation>&amp;Cakupan</translation>
        </message>
        <message>
            <source>Round se&amp;tup</source>
            <translation>Persiapan pu&amp;taran</translation>
        </message>
        <message>
            <source>R&amp;anking</source>
            <translation>P&amp;eringkat</translation>
        </message>
        <message>
            <source>Region &amp;detail</source>
            <translation>&amp;Rincian daerah</translation>
        </message>
        <message>
            <source>C&amp;harts</source>
            <translation>&amp;Grafik</translation>
        </message>
        <message>
            <source>Assessor severit&amp;y</source>
            <translation>Ketatn&amp;ya penilai</translation>
        </message>
        <message>
            <source>How strict each assessor is (severity ± SE) and how well the model fits them (Ctrl+%1)</source>
            <translation>Seberapa ketat tiap penilai (keketatan ± SE) dan seberapa cocok model untuknya (Ctrl+%1)</translation>
        </message>
        <message>
            <source>There is no round here yet: create one here in Round setup, or import the assessors' bundles (Import tab) to bring one in.</source>
            <translation>Belum ada putaran di sini: buat satu di Persiapan putaran, atau impor bundel para penilai (tab Impor) untuk membawanya masuk.</translation>
        </message>
        <message>
            <source>%1 · id %2</source>
            <translation>%1 · id %2</translation>
        </message>
        <message>
            <source>created here</source>
            <translation>dibuat di sini</translation>
        </message>
        <message>
            <source>from a bundle</source>
            <translation>dari paket</translation>
        </message>
        <message>
            <source>from a round package</source>
            <translation>dari paket putaran</translation>
        </message>
        <message>
            <source>Round %1 (id %2), %3</source>
            <translation>Putaran %1 (id %2), %3</translation>
        </message>
        <message>
            <source>&amp;Import · conflicts: %1</source>
            <translation>&amp;Impor · konflik: %1</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorWindow</name>
        <message>
            <source>Coordinator — Nilai</source>
            <translation>Koordinator — Nilai</translation>
        </message>
    </context>
    <context>
        <name>CoverageModel</name>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Dihitung</translation>
        </message>
        <message>
            <source>Counted assessments / assessors seated on the region's panel</source>
            <translation>Penilaian yang dihitung / penilai di panel daerah ini</translation>
        </message>
        <message>
            <source>%1: %2 (on the panel)</source>
            <translation>%1: %2 (anggota panel)</translation>
        </message>
        <message>
            <source>%1: %2 (not on the panel)</source>
            <translation>%1: %2 (bukan anggota panel)</translation>
        </message>
        <message>
            <source>Incomplete: %1 missing, %2 in conflict</source>
            <translation>Belum lengkap: %1 belum ada, %2 bertentangan</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Ditandatangani</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Ganda</translation>
        </message>
        <message>
            <source>Other instrument</source>
            <translation>Instrumen lain</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Belum ada</translation>
        </message>
        <message>
            <source>%1 of %2 assessors</source>
            <translation>%1 dari %2 penilai</translation>
        </message>
    </context>
    <context>
        <name>CoverageTab</name>
        <message>
            <source>Filter by region, code or province</source>
            <translation>Saring menurut daerah, kode, atau provinsi</translation>
        </message>
        <message>
            <source>Filter the coverage</source>
            <translation>Saring cakupan</translation>
        </message>
        <message>
            <source>I&amp;ncomplete only</source>
            <translation>Hanya yang &amp;belum lengkap</translation>
        </message>
        <message>
            <source>Regions where a panel assessor is missing, still in draft, or in conflict</source>
            <translation>Daerah yang penilai panelnya belum ada, masih draf, atau berkonflik</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>Cakupan</translation>
        </message>
        <message>
            <source>%1 regions · %2 complete · %3 incomplete · %4 shown</source>
            <translation>%1 daerah · %2 lengkap · %3 belum lengkap · %4 ditampilkan</translation>
        </message>
    </context>
    <context>
        <name>DamagedStore</name>
        <message>
            <source>Nilai's data is damaged and cannot be opened.</source>
            <translation>Data Nilai rusak dan tidak dapat dibuka.</translation>
        </message>
        <message>
            <source>The database file %1 cannot be read. Nilai has not changed it.</source>
            <translation>Berkas basis data %1 tidak dapat dibaca. Nilai tidak mengubahnya.</translation>
        </message>
        <message>
            <source>The newest sound backup is from %1. Restoring it sets the damaged file aside in the backups folder first, so nothing is lost by trying; changes made after that backup are not in it.</source>
            <translation>Cadangan utuh terbaru berasal dari %1. Saat dipulihkan, berkas yang rusak lebih dulu disisihkan ke folder cadangan, jadi tidak ada yang hilang bila mencoba; perubahan sesudah cadangan itu tidak termuat di dalamnya.</translation>
        </message>
        <message>
            <source>There is no sound backup. Copy the data folder somewhere safe before changing anything, and ask your coordinator for help.</source>
            <translation>Tidak ada cadangan yang utuh. Salin folder data ke tempat yang aman sebelum mengubah apa pun, lalu minta bantuan koordinator Anda.</translation>
        </message>
        <message>
            <source>Damaged data</source>
            <translation>Data rusak</translation>
        </message>
        <message>
            <source>Restore this backup</source>
            <translation>Pulihkan cadangan ini</translation>
        </message>
        <message>
            <source>Choose another backup…</source>
            <translation>Pilih cadangan lain…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Keluar</translation>
        </message>
    </context>
    <context>
        <name>DataCare</name>
        <message>
            <source>Nilai found problems in its data (%1).</source>
            <translation>Nilai menemukan masalah pada datanya (%1).</translation>
        </message>
        <message>
            <source>… and %1 more.</source>
            <translation>… dan %1 lainnya.</translation>
        </message>
        <message>
            <source>What to do:</source>
            <translation>Yang perlu dilakukan:</translation>
        </message>
        <message>
            <source>Restore the newest sound backup, from %1, with File → Restore a backup…; the database as it is now is set aside first, so nothing is lost by trying.</source>
            <translation>Pulihkan cadangan utuh terbaru, dari %1, melalui Berkas → Pulihkan cadangan…; basis data yang sekarang disisihkan lebih dulu, jadi tidak ada yang hilang bila mencoba.</translation>
        </message>
        <message>
            <source>There is no backup yet. Copy the data folder somewhere safe (Help → Open data folder) before changing anything, and ask your coordinator for help.</source>
            <translation>Belum ada cadangan. Salin folder data ke tempat yang aman (Bantuan → Buka folder data) sebelum mengubah apa pun, lalu minta bantuan koordinator Anda.</translation>
        </message>
        <message>
            <source>Problems in the data</source>
            <translation>Masalah pada data</translation>
        </message>
        <message>
            <source>Restore a backup…</source>
            <translation>Pulihkan cadangan…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>No problems found. Checked the database, %1 change-log entries, %2 evidence files and %3 signed sheets.</source>
            <translation>Tidak ada masalah. Yang diperiksa: basis data, %1 entri catatan perubahan, %2 berkas bukti, dan %3 lembar bertanda tangan.</translation>
        </message>
        <message>
            <source>Data checked</source>
            <translation>Data sudah diperiksa</translation>
        </message>
        <message>
            <source>Checking every record, change-log entry, evidence file and signed sheet…</source>
            <translation>Memeriksa setiap rekaman, entri catatan perubahan, berkas bukti, dan lembar bertanda tangan…</translation>
        </message>
        <message>
            <source>Check data</source>
            <translation>Periksa data</translation>
        </message>
        <message>
            <source>Checking the data</source>
            <translation>Memeriksa data</translation>
        </message>
        <message>
            <source>The check could not run: %1</source>
            <translation>Pemeriksaan tidak dapat dijalankan: %1</translation>
        </message>
    </context>
    <context>
        <name>DelegationDialog</name>
        <message>
            <source>Delegation of %1</source>
            <translation>Delegasi %1</translation>
        </message>
        <message>
            <source>Names and roles of the people representing the region in this interview (for example the regent or mayor, the head of the communications office).</source>
            <translation>Nama dan jabatan orang-orang yang mewakili daerah dalam wawancara ini (misalnya bupati atau wali kota, kepala dinas komunikasi dan informatika).</translation>
        </message>
        <message>
            <source>Saved as you type.</source>
            <translation>Tersimpan otomatis selagi Anda mengetik.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Tambah orang</translation>
        </message>
        <message>
            <source>Add a row for another member of the delegation</source>
            <translation>Tambah baris untuk anggota delegasi lainnya</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Hapus orang</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Delegasi</translation>
        </message>
    </context>
    <context>
        <name>EvidenceList</name>
        <message>
            <source>Attached files; double-click to open. Drop files here to attach them.</source>
            <translation>Berkas terlampir; klik dua kali untuk membuka. Tarik berkas ke sini untuk melampirkannya.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Lepas</translation>
        </message>
        <message>
            <source>Detach the selected file from this indicator</source>
            <translation>Lepaskan berkas terpilih dari indikator ini</translation>
        </message>
        <message>
            <source>No evidence attached</source>
            <translation>Belum ada bukti dukung</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Bukti dukung</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Berkas CSV (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Dokumen PDF (*.pdf)</translation>
        </message>
        <message>
            <source>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</source>
            <translation>Direktori data ini belum memiliki identitas penanda tangan: buat atau impor dulu (Lembar → Identitas penanda tangan), lalu coba lagi.</translation>
        </message>
        <message>
            <source>There is no ranking to export yet.</source>
            <translation>Belum ada peringkat untuk diekspor.</translation>
        </message>
        <message>
            <source>The adjusted ranking is refused for this round, so there is nothing to export with it: choose another rule (the reason is under the rule).</source>
            <translation>Peringkat yang disesuaikan ditolak untuk putaran ini, jadi tidak ada yang dapat diekspor dengannya: pilih aturan lain (alasannya ada di bawah aturan).</translation>
        </message>
        <message>
            <source>The ranking shown uses %1 but the round's official rule is %2; exports are made with the official rule: make %1 official, or choose %2, then export.</source>
            <translation>Peringkat yang ditampilkan memakai %1, tetapi aturan resmi putaran ini %2; ekspor dibuat dengan aturan resmi: jadikan %1 resmi, atau pilih %2, lalu ekspor.</translation>
        </message>
        <message>
            <source>Export the ranking as CSV</source>
            <translation>Ekspor peringkat sebagai CSV</translation>
        </message>
        <message>
            <source>Export the ranking as XLSX</source>
            <translation>Ekspor peringkat sebagai XLSX</translation>
        </message>
        <message>
            <source>Export the ranking report (PDF)</source>
            <translation>Ekspor laporan peringkat (PDF)</translation>
        </message>
        <message>
            <source>Sign the ranking report.</source>
            <translation>Tanda tangani laporan peringkat.</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>Menulis %1…</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Mengekspor</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Tertulis: %1</translation>
        </message>
        <message>
            <source>Export the round package for assessors</source>
            <translation>Ekspor paket putaran untuk penilai</translation>
        </message>
        <message>
            <source>Nilai round packages (*.nilairound)</source>
            <translation>Paket putaran Nilai (*.nilairound)</translation>
        </message>
        <message>
            <source>Sign the round package.</source>
            <translation>Tanda tangani paket putaran.</translation>
        </message>
        <message>
            <source>Exporting the round package</source>
            <translation>Mengekspor paket putaran</translation>
        </message>
        <message>
            <source>Round package version %1 written: %2 (%3 candidates, %4 slots, %5 assessors)</source>
            <translation>Paket putaran versi %1 tertulis: %2 (%3 kandidat, %4 sesi, %5 penilai)</translation>
        </message>
    </context>
    <context>
        <name>ExportSheetsDialog</name>
        <message>
            <source>Folder for the signed sheets</source>
            <translation>Folder untuk lembar bertanda tangan</translation>
        </message>
        <message>
            <source>Export signed sheets</source>
            <translation>Ekspor lembar bertanda tangan</translation>
        </message>
        <message>
            <source>Every finalized assessment you have not signed yet is rendered as a PDF sheet, signed with your key and saved in the folder; a copy stays in Nilai.</source>
            <translation>Setiap penilaian final yang belum Anda tanda tangani dibuat menjadi lembar PDF, ditandatangani dengan kunci Anda, dan disimpan di folder; salinannya tetap ada di Nilai.</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Folder tujuan</translation>
        </message>
        <message>
            <source>&amp;Round:</source>
            <translation>&amp;Putaran:</translation>
        </message>
        <message>
            <source>&amp;Day:</source>
            <translation>&amp;Hari:</translation>
        </message>
        <message>
            <source>Sheet &amp;language:</source>
            <translation>&amp;Bahasa lembar:</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Folder:</translation>
        </message>
        <message>
            <source>This computer has no signing identity yet. Create one, or import the .p12 file your organisation issued, before signing.</source>
            <translation>Komputer ini belum memiliki identitas penanda tangan. Buat satu, atau impor berkas .p12 dari instansi Anda, sebelum menandatangani.</translation>
        </message>
        <message>
            <source>Create or &amp;import identity…</source>
            <translation>Buat atau &amp;impor identitas…</translation>
        </message>
        <message>
            <source>&amp;Sign and export</source>
            <translation>&amp;Tanda tangani dan ekspor</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Signing sheets</source>
            <translation>Menandatangani lembar</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>Semua hari</translation>
        </message>
        <message>
            <source>There is no round in this data directory yet.</source>
            <translation>Belum ada putaran di direktori data ini.</translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) to sign</source>
            <translation>
                <numerusform>%n lembar untuk ditandatangani</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 already signed · %2 not finalized yet</source>
            <translation>%1 sudah ditandatangani · %2 belum final</translation>
        </message>
        <message numerus="yes">
            <source>Sign %n sheet(s).</source>
            <translation>
                <numerusform>Tanda tangani %n lembar.</numerusform>
            </translation>
        </message>
        <message>
            <source>Signing the sheets needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Untuk menandatangani lembar diperlukan identitas penanda tangan Anda (kunci dan sertifikatnya), dan komputer ini belum memilikinya. Buat dari profil Anda di sini, atau impor berkas .p12 dari instansi Anda (tab “Impor .p12”).</translation>
        </message>
        <message>
            <source>Nothing was signed: there is no signing identity on this computer yet.</source>
            <translation>Tidak ada yang ditandatangani: komputer ini belum memiliki identitas penanda tangan.</translation>
        </message>
        <message>
            <source>Signing…</source>
            <translation>Menandatangani…</translation>
        </message>
        <message>
            <source>[%1/%2] %3</source>
            <translation>[%1/%2] %3</translation>
        </message>
        <message>
            <source>Stopping after the sheet in hand…</source>
            <translation>Berhenti setelah lembar yang sedang diproses…</translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) signed and saved in %1.</source>
            <translation>
                <numerusform>%n lembar ditandatangani dan disimpan di %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped before the rest; sign them later.</source>
            <translation>Dihentikan sebelum sisanya; tanda tangani nanti.</translation>
        </message>
        <message>
            <source>Nothing was signed: %1</source>
            <translation>Tidak ada yang ditandatangani: %1</translation>
        </message>
    </context>
    <context>
        <name>FinalizeDialog</name>
        <message>
            <source>no level chosen</source>
            <translation>belum ada tingkat yang dipilih</translation>
        </message>
        <message>
            <source>the chosen level needs a note</source>
            <translation>tingkat yang dipilih memerlukan catatan</translation>
        </message>
        <message>
            <source>the chosen level needs evidence attached</source>
            <translation>tingkat yang dipilih memerlukan bukti dukung</translation>
        </message>
        <message>
            <source>Finalize the assessment of %1</source>
            <translation>Finalisasi penilaian %1</translation>
        </message>
        <message>
            <source>What is missing</source>
            <translation>Yang belum lengkap</translation>
        </message>
        <message numerus="yes">
            <source>%n thing(s) to complete before this assessment can be finalized. Choose one to go to its indicator.</source>
            <translation>
                <numerusform>%n hal perlu dilengkapi sebelum penilaian ini dapat difinalkan. Pilih salah satu untuk membuka indikatornya.</numerusform>
            </translation>
        </message>
        <message>
            <source>Go to indicator</source>
            <translation>Buka indikator</translation>
        </message>
        <message>
            <source>Everything required is complete. Weighted total: %1.

A finalized assessment is read-only. To change it later you reopen it as a new version and give a reason.</source>
            <translation>Semua yang wajib sudah lengkap. Total tertimbang: %1.

Penilaian yang sudah final hanya dapat dibaca. Untuk mengubahnya nanti, buka kembali sebagai versi baru dengan menyebutkan alasannya.</translation>
        </message>
        <message>
            <source>Finalize</source>
            <translation>Finalkan</translation>
        </message>
        <message>
            <source>The sheet of a finalized assessment is signed with your signing identity, and this computer has none yet. Create or import one now, or later in Sheets → Assessor identity…</source>
            <translation>Lembar penilaian final ditandatangani dengan identitas penanda tangan Anda, dan komputer ini belum memilikinya. Buat atau impor sekarang, atau nanti lewat Lembar → Identitas penilai…</translation>
        </message>
        <message>
            <source>Create or &amp;import identity…</source>
            <translation>Buat atau &amp;impor identitas…</translation>
        </message>
        <message>
            <source>Your signing identity is ready: after finalizing, sign the sheet with Interview → Sign this sheet…</source>
            <translation>Identitas penanda tangan Anda sudah siap: setelah finalisasi, tanda tangani lembarnya lewat Wawancara → Tanda tangani lembar ini…</translation>
        </message>
    </context>
    <context>
        <name>FindIndicatorDialog</name>
        <message>
            <source>Find indicator</source>
            <translation>Cari indikator</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>T/B</translation>
        </message>
        <message>
            <source>Code or words of the title</source>
            <translation>Kode atau kata dari judul</translation>
        </message>
        <message>
            <source>no level</source>
            <translation>belum bertingkat</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indikator</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Nilai</source>
            <translation>Selamat datang di Nilai</translation>
        </message>
        <message>
            <source>Assessor profile</source>
            <translation>Profil penilai</translation>
        </message>
        <message>
            <source>Your name, NIP and organisation appear on every evaluation sheet you sign and in the result bundles you send. You can change them later in Settings → Profile.</source>
            <translation>Nama, NIP, dan instansi Anda tercantum pada setiap lembar penilaian yang Anda tanda tangani dan pada paket hasil yang Anda kirim. Anda dapat mengubahnya nanti di Pengaturan → Profil.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nama:</translation>
        </message>
        <message>
            <source>N&amp;IP:</source>
            <translation>N&amp;IP:</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Instansi:</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>&amp;Bahasa antarmuka:</translation>
        </message>
        <message>
            <source>Full name, with academic titles if you use them</source>
            <translation>Nama lengkap, dengan gelar jika Anda memakainya</translation>
        </message>
        <message>
            <source>Civil-servant number (18 digits), if you have one</source>
            <translation>Nomor Induk Pegawai (18 digit), jika ada</translation>
        </message>
        <message>
            <source>e.g. Kementerian Komunikasi dan Informatika</source>
            <translation>mis. Kementerian Komunikasi dan Informatika</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Mulai</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
    </context>
    <context>
        <name>HandoutPage</name>
        <message>
            <source>5 · Hand out</source>
            <translation>5 · Bagikan</translation>
        </message>
        <message>
            <source>Send each assessor the signed round package (it carries the instrument, the candidates, the panels and the schedule), and print the schedule for the venue.</source>
            <translation>Kirim paket putaran bertanda tangan kepada setiap penilai (berisi instrumen, kandidat, panel, dan jadwal), lalu cetak jadwal untuk tempat wawancara.</translation>
        </message>
        <message>
            <source>Export the signed round pac&amp;kage…</source>
            <translation>Eksp&amp;or paket putaran bertanda tangan…</translation>
        </message>
        <message>
            <source>Printable schedule (PD&amp;F)…</source>
            <translation>Jadwal cetak (PD&amp;F)…</translation>
        </message>
        <message>
            <source>Schedule as &amp;XLSX…</source>
            <translation>Jadwal sebagai &amp;XLSX…</translation>
        </message>
        <message>
            <source>for the assessors: they open it with File → Open round package</source>
            <translation>untuk para penilai: mereka membukanya dengan Berkas → Buka paket putaran</translation>
        </message>
        <message>
            <source>one page per day and panel, to print for the venue</source>
            <translation>satu halaman per hari dan panel, untuk dicetak bagi tempat wawancara</translation>
        </message>
        <message>
            <source>the same columns the schedule import reads back</source>
            <translation>kolom yang sama dengan yang dibaca impor jadwal</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Hari</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>Ruang</translation>
        </message>
        <message>
            <source>Panel</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <source>Assessors</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Panels of each day</source>
            <translation>Panel setiap hari</translation>
        </message>
        <message>
            <source>Panels of each day, as the printed schedule lists them:</source>
            <translation>Panel setiap hari, seperti tercantum di jadwal cetak:</translation>
        </message>
        <message>
            <source>%1 candidate(s)</source>
            <translation>%1 kandidat</translation>
        </message>
        <message>
            <source>%1 assessor(s)</source>
            <translation>%1 penilai</translation>
        </message>
        <message>
            <source>%1 interview slot(s)</source>
            <translation>%1 sesi wawancara</translation>
        </message>
        <message>
            <source>no schedule yet (step 4)</source>
            <translation>belum ada jadwal (langkah 4)</translation>
        </message>
        <message>
            <source>no problem in the schedule</source>
            <translation>tidak ada masalah dalam jadwal</translation>
        </message>
        <message>
            <source>%1 problem(s) in the schedule (step 4 names them)</source>
            <translation>%1 masalah dalam jadwal (langkah 4 menyebutkannya)</translation>
        </message>
        <message>
            <source>waiting for the schedule</source>
            <translation>menunggu jadwal</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>siap</translation>
        </message>
        <message>
            <source>⚠ problems to solve first</source>
            <translation>⚠ ada masalah yang harus diselesaikan dulu</translation>
        </message>
        <message>
            <source>The schedule still has %1 problem(s): solve them in step 4 (Ctrl+4), then export the package.</source>
            <translation>Jadwal masih memiliki %1 masalah: selesaikan di langkah 4 (Ctrl+4), lalu ekspor paketnya.</translation>
        </message>
        <message>
            <source>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</source>
            <translation>Direktori data ini belum memiliki identitas penanda tangan: buat atau impor dulu (Lembar → Identitas penanda tangan), lalu coba lagi.</translation>
        </message>
        <message>
            <source>Export the round package for assessors</source>
            <translation>Ekspor paket putaran untuk penilai</translation>
        </message>
        <message>
            <source>Nilai round packages (*.nilairound)</source>
            <translation>Paket putaran Nilai (*.nilairound)</translation>
        </message>
        <message>
            <source>Sign the round package.</source>
            <translation>Tanda tangani paket putaran.</translation>
        </message>
        <message>
            <source>Signing the round package…</source>
            <translation>Menandatangani paket putaran…</translation>
        </message>
        <message>
            <source>Exporting the round package</source>
            <translation>Mengekspor paket putaran</translation>
        </message>
        <message>
            <source>Round package version %1 written: %2</source>
            <translation>Paket putaran versi %1 tertulis: %2</translation>
        </message>
        <message>
            <source>Printable schedule (PDF)</source>
            <translation>Jadwal cetak (PDF)</translation>
        </message>
        <message>
            <source>Schedule as XLSX</source>
            <translation>Jadwal sebagai XLSX</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Dokumen PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>%1 slot(s) written: %2</source>
            <translation>%1 sesi tertulis: %2</translation>
        </message>
    </context>
    <context>
        <name>HelpActions</name>
        <message>
            <source>&amp;About Nilai</source>
            <translation>&amp;Tentang Nilai</translation>
        </message>
        <message>
            <source>Version, where your data is kept, and licences</source>
            <translation>Versi, lokasi data Anda, dan lisensi</translation>
        </message>
        <message>
            <source>Open &amp;data folder</source>
            <translation>Buka folder &amp;data</translation>
        </message>
        <message>
            <source>Show the folder with your assessments, identity and backups</source>
            <translation>Tampilkan folder berisi penilaian, identitas, dan cadangan Anda</translation>
        </message>
        <message>
            <source>Open &amp;log file</source>
            <translation>Buka berkas &amp;log</translation>
        </message>
        <message>
            <source>Show the program's log, for a report to your coordinator</source>
            <translation>Tampilkan log program, untuk laporan kepada koordinator Anda</translation>
        </message>
        <message>
            <source>No log file yet</source>
            <translation>Belum ada berkas log</translation>
        </message>
        <message>
            <source>Nilai has not written anything to its log yet. It will be here:
%1</source>
            <translation>Nilai belum menulis apa pun ke log-nya. Lokasinya nanti:
%1</translation>
        </message>
        <message>
            <source>Cannot open it here</source>
            <translation>Tidak dapat dibuka di sini</translation>
        </message>
        <message>
            <source>This computer has no program to open it. It is here:
%1</source>
            <translation>Komputer ini tidak punya program untuk membukanya. Lokasinya:
%1</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Assessor identity</source>
            <translation>Identitas penilai</translation>
        </message>
        <message>
            <source>&amp;Identity</source>
            <translation>&amp;Identitas</translation>
        </message>
        <message>
            <source>&amp;Create new</source>
            <translation>&amp;Buat baru</translation>
        </message>
        <message>
            <source>I&amp;mport .p12</source>
            <translation>I&amp;mpor .p12</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Frasa sandi</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nama:</translation>
        </message>
        <message>
            <source>NIP:</source>
            <translation>NIP:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Instansi:</translation>
        </message>
        <message>
            <source>Certificate:</source>
            <translation>Sertifikat:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Berlaku:</translation>
        </message>
        <message>
            <source>Fingerprint (SHA-256):</source>
            <translation>Sidik jari (SHA-256):</translation>
        </message>
        <message>
            <source>Drawn signature:</source>
            <translation>Tanda tangan tulisan tangan:</translation>
        </message>
        <message>
            <source>&amp;Export certificate…</source>
            <translation>&amp;Ekspor sertifikat…</translation>
        </message>
        <message>
            <source>Save the certificate (never the key) for coordinators to trust</source>
            <translation>Simpan sertifikat (bukan kuncinya) agar koordinator dapat memercayainya</translation>
        </message>
        <message>
            <source>&amp;Draw signature…</source>
            <translation>&amp;Gambar tanda tangan…</translation>
        </message>
        <message>
            <source>Draw your handwritten signature once; it appears on signed sheets</source>
            <translation>Gambar tanda tangan Anda sekali; tanda tangan itu tampil pada lembar yang ditandatangani</translation>
        </message>
        <message>
            <source>A new key pair and a self-signed certificate, valid for five years. The private key is stored encrypted with your passphrase and never leaves this computer.</source>
            <translation>Pasangan kunci baru dan sertifikat yang ditandatangani sendiri, berlaku lima tahun. Kunci privat disimpan terenkripsi dengan frasa sandi Anda dan tidak pernah keluar dari komputer ini.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frasa sandi</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Ulangi frasa sandi</translation>
        </message>
        <message>
            <source>Replace the current identity (sheets signed with it stay verifiable only with its old certificate)</source>
            <translation>Ganti identitas saat ini (lembar yang sudah ditandatangani hanya dapat diverifikasi dengan sertifikat lamanya)</translation>
        </message>
        <message>
            <source>C&amp;reate identity</source>
            <translation>&amp;Buat identitas</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nama:</translation>
        </message>
        <message>
            <source>N&amp;IP:</source>
            <translation>N&amp;IP:</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Instansi:</translation>
        </message>
        <message>
            <source>Pass&amp;phrase:</source>
            <translation>&amp;Frasa sandi:</translation>
        </message>
        <message>
            <source>&amp;Again:</source>
            <translation>&amp;Ulangi:</translation>
        </message>
        <message>
            <source>Use a key and certificate issued by your organisation (a PKCS#12 file, .p12 or .pfx). The key is stored encrypted with the file's passphrase, or with a new one you choose; the file itself is not kept.</source>
            <translation>Gunakan kunci dan sertifikat yang diterbitkan instansi Anda (berkas PKCS#12, .p12 atau .pfx). Kunci disimpan terenkripsi dengan frasa sandi berkas itu atau frasa sandi baru pilihan Anda; berkasnya sendiri tidak disimpan.</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Telusuri…</translation>
        </message>
        <message>
            <source>Passphrase of the file</source>
            <translation>Frasa sandi berkas</translation>
        </message>
        <message>
            <source>Use a different passphrase on this computer</source>
            <translation>Gunakan frasa sandi lain di komputer ini</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Frasa sandi baru</translation>
        </message>
        <message>
            <source>New passphrase again</source>
            <translation>Ulangi frasa sandi baru</translation>
        </message>
        <message>
            <source>Replace the current identity</source>
            <translation>Ganti identitas saat ini</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Impor</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Berkas:</translation>
        </message>
        <message>
            <source>File &amp;passphrase:</source>
            <translation>Frasa sandi &amp;berkas:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>Frasa sandi &amp;baru:</translation>
        </message>
        <message>
            <source>A&amp;gain:</source>
            <translation>&amp;Ulangi:</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Frasa sandi saat ini</translation>
        </message>
        <message>
            <source>C&amp;hange passphrase</source>
            <translation>&amp;Ganti frasa sandi</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>Frasa sandi &amp;saat ini:</translation>
        </message>
        <message>
            <source>No signing identity on this computer yet. Create one from your profile (tab “Create new”) or import a .p12 file from your organisation.</source>
            <translation>Belum ada identitas penanda tangan di komputer ini. Buat dari profil Anda (tab “Buat baru”) atau impor berkas .p12 dari instansi Anda.</translation>
        </message>
        <message>
            <source>Sheets you sign carry this identity. Give coordinators your certificate so they can trust your signature.</source>
            <translation>Lembar yang Anda tanda tangani membawa identitas ini. Berikan sertifikat Anda kepada koordinator agar mereka dapat memercayai tanda tangan Anda.</translation>
        </message>
        <message>
            <source>self-signed</source>
            <translation>ditandatangani sendiri</translation>
        </message>
        <message>
            <source>issued by %1</source>
            <translation>diterbitkan oleh %1</translation>
        </message>
        <message>
            <source>(expired)</source>
            <translation>(kedaluwarsa)</translation>
        </message>
        <message>
            <source>saved; shown on signed sheets</source>
            <translation>tersimpan; tampil pada lembar yang ditandatangani</translation>
        </message>
        <message>
            <source>none</source>
            <translation>tidak ada</translation>
        </message>
        <message numerus="yes">
            <source>too short: at least %n characters</source>
            <translation>
                <numerusform>terlalu pendek: minimal %n karakter</numerusform>
            </translation>
        </message>
        <message>
            <source>weak: make it longer, e.g. a few words</source>
            <translation>lemah: buat lebih panjang, mis. beberapa kata</translation>
        </message>
        <message>
            <source>fair</source>
            <translation>cukup</translation>
        </message>
        <message>
            <source>good</source>
            <translation>baik</translation>
        </message>
        <message>
            <source>strong</source>
            <translation>kuat</translation>
        </message>
        <message>
            <source>Strength: %1</source>
            <translation>Kekuatan: %1</translation>
        </message>
        <message>
            <source>Identity created.</source>
            <translation>Identitas dibuat.</translation>
        </message>
        <message>
            <source>Identity created. Export your certificate and give it to the coordinator.</source>
            <translation>Identitas dibuat. Ekspor sertifikat Anda dan berikan kepada koordinator.</translation>
        </message>
        <message>
            <source>Choose a PKCS#12 file</source>
            <translation>Pilih berkas PKCS#12</translation>
        </message>
        <message>
            <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
            <translation>Berkas PKCS#12 (*.p12 *.pfx);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>The file cannot be read: %1</source>
            <translation>Berkas tidak dapat dibaca: %1</translation>
        </message>
        <message>
            <source>The passphrase of this file is not correct. Nothing was imported.</source>
            <translation>Frasa sandi berkas ini salah. Tidak ada yang diimpor.</translation>
        </message>
        <message>
            <source>Identity imported.</source>
            <translation>Identitas diimpor.</translation>
        </message>
        <message>
            <source>Export certificate</source>
            <translation>Ekspor sertifikat</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.cer *.der)</source>
            <translation>Sertifikat (*.pem *.cer *.der)</translation>
        </message>
        <message>
            <source>Certificate saved to %1. Fingerprint: %2</source>
            <translation>Sertifikat disimpan di %1. Sidik jari: %2</translation>
        </message>
        <message>
            <source>The current passphrase is not correct. Nothing was changed.</source>
            <translation>Frasa sandi saat ini salah. Tidak ada yang diubah.</translation>
        </message>
        <message>
            <source>Passphrase changed.</source>
            <translation>Frasa sandi diganti.</translation>
        </message>
    </context>
    <context>
        <name>ImportReportModel</name>
        <message>
            <source>imported</source>
            <translation>diimpor</translation>
        </message>
        <message>
            <source>already present</source>
            <translation>sudah ada</translation>
        </message>
        <message>
            <source>fast-forwarded</source>
            <translation>dimajukan</translation>
        </message>
        <message>
            <source>already superseded</source>
            <translation>sudah digantikan</translation>
        </message>
        <message>
            <source>updated (now signed)</source>
            <translation>diperbarui (kini bertanda tangan)</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>konflik</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>ditolak</translation>
        </message>
        <message>
            <source>already imported</source>
            <translation>sudah diimpor</translation>
        </message>
        <message>
            <source>certificate rejected</source>
            <translation>sertifikat ditolak</translation>
        </message>
        <message>
            <source>Bundle / region</source>
            <translation>Paket / daerah</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Assessor / record</source>
            <translation>Penilai / rekaman</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Rincian</translation>
        </message>
        <message>
            <source>record %1 · version %2</source>
            <translation>rekaman %1 · versi %2</translation>
        </message>
        <message>
            <source>Same person (name + NIP), different key: a renewal or an impostor? Both certificates are listed below</source>
            <translation>Orang yang sama (nama + NIP), kunci berbeda: pembaruan atau penyamar? Kedua sertifikat tercantum di bawah</translation>
        </message>
        <message>
            <source>Not trusted: the assessor's certificate is listed below</source>
            <translation>Belum dipercayai: sertifikat penilainya tercantum di bawah</translation>
        </message>
        <message>
            <source>You rejected the assessor's certificate; nothing was imported</source>
            <translation>Anda menolak sertifikat penilai ini; tidak ada yang diimpor</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Select a&amp;ll</source>
            <translation>Pilih semu&amp;a</translation>
        </message>
        <message>
            <source>Select every certificate listed (Ctrl+A), after checking each fingerprint</source>
            <translation>Pilih semua sertifikat yang tercantum (Ctrl+A), setelah memeriksa setiap sidik jari</translation>
        </message>
        <message>
            <source>Trust %1 and i&amp;mport</source>
            <translation>Percayai %1 &amp;dan impor</translation>
        </message>
        <message>
            <source>%1 bundle(s) in the report: %2 taken in, %3 already imported, %4 rejected</source>
            <translation>%1 paket dalam laporan: %2 diterima, %3 sudah pernah diimpor, %4 ditolak</translation>
        </message>
        <message>
            <source> — %1 waiting for your decision on a certificate</source>
            <translation> — %1 menunggu keputusan Anda atas sertifikat</translation>
        </message>
        <message>
            <source>Drop result bundles (.nilai) or a folder of them here</source>
            <translation>Tarik paket hasil (.nilai) atau foldernya ke sini</translation>
        </message>
        <message>
            <source>&amp;Choose bundles…</source>
            <translation>Pilih pa&amp;ket…</translation>
        </message>
        <message>
            <source>Export &amp;round package for assessors…</source>
            <translation>Ekspor paket putaran untuk pe&amp;nilai…</translation>
        </message>
        <message>
            <source>The round, its instrument, panels and schedule, signed with your key</source>
            <translation>Putaran beserta instrumen, panel, dan jadwalnya, ditandatangani dengan kunci Anda</translation>
        </message>
        <message>
            <source>Import report</source>
            <translation>Laporan impor</translation>
        </message>
        <message>
            <source>Unknown assessor certificates</source>
            <translation>Sertifikat penilai yang belum dikenal</translation>
        </message>
        <message>
            <source>Trust and i&amp;mport</source>
            <translation>Percayai &amp;dan impor</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>T&amp;olak</translation>
        </message>
        <message>
            <source>These bundles are signed correctly, by certificates this computer does not trust yet. Check each fingerprint with the assessor (by phone or in person) before trusting it.</source>
            <translation>Paket-paket ini ditandatangani dengan benar, tetapi oleh sertifikat yang belum dipercayai komputer ini. Cocokkan setiap sidik jari dengan penilainya (lewat telepon atau langsung) sebelum memercayainya.</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Re&amp;solve…</source>
            <translation>&amp;Selesaikan…</translation>
        </message>
        <message>
            <source>Competing versions of one assessment: none of them counts until you choose one.</source>
            <translation>Versi yang bersaing untuk satu penilaian: tidak ada yang dihitung sampai Anda memilih salah satunya.</translation>
        </message>
        <message>
            <source>Accept as re&amp;newal</source>
            <translation>Terima sebagai pembar&amp;uan</translation>
        </message>
        <message>
            <source>Accept as re&amp;newal of %1</source>
            <translation>Terima sebagai pembar&amp;uan milik %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Same person (name + NIP), different key: a renewal or an impostor?&lt;/b&gt; %1 (NIP %2) is trusted here with the certificate&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt; (known)&lt;br&gt;and this bundle is signed with&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt; (new).&lt;br&gt;Ask %1 by phone or in person whether they made a new key, and check the new fingerprint before accepting it as their renewal: their records then stay one assessor.</source>
            <translation>&lt;b&gt;Orang yang sama (nama + NIP), kunci berbeda: pembaruan atau penyamar?&lt;/b&gt; %1 (NIP %2) dipercaya di sini dengan sertifikat&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt; (dikenal)&lt;br&gt;dan paket ini ditandatangani dengan&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt; (baru).&lt;br&gt;Tanyakan kepada %1 lewat telepon atau secara langsung apakah mereka membuat kunci baru, dan periksa sidik jari yang baru sebelum menerimanya sebagai pembaruan: catatan mereka lalu tetap milik satu penilai.</translation>
        </message>
        <message>
            <source>Some bundles are encrypted for you: unlock your key to open them.</source>
            <translation>Beberapa paket dienkripsi untuk Anda: buka kunci Anda untuk membukanya.</translation>
        </message>
        <message>
            <source>No bundle files among the dropped items</source>
            <translation>Tidak ada berkas paket di antara yang ditarik</translation>
        </message>
        <message>
            <source>Importing bundles</source>
            <translation>Mengimpor paket</translation>
        </message>
        <message>
            <source>%1 bundle(s) read: %2 taken in, %3 rejected</source>
            <translation>%1 paket dibaca: %2 diterima, %3 ditolak</translation>
        </message>
        <message>
            <source>Certificate of %1 not trusted; its bundles stay out</source>
            <translation>Sertifikat %1 tidak dipercayai; paketnya tidak dimasukkan</translation>
        </message>
        <message>
            <source>Reading conflicts</source>
            <translation>Membaca konflik</translation>
        </message>
        <message>
            <source>%1: version %2 is now in force</source>
            <translation>%1: versi %2 kini berlaku</translation>
        </message>
        <message>
            <source>Resolving the conflict</source>
            <translation>Menyelesaikan konflik</translation>
        </message>
    </context>
    <context>
        <name>IndicatorPanel</name>
        <message>
            <source>Interviewer guidance</source>
            <translation>Panduan pewawancara</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>What the delegation said or showed; saved as you type.</source>
            <translation>Apa yang disampaikan atau ditunjukkan delegasi; tersimpan saat Anda mengetik.</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Bukti dukung</translation>
        </message>
        <message>
            <source>required</source>
            <translation>wajib</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>opsional</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>bobot %1</translation>
        </message>
        <message>
            <source>Evidence to ask for: %1</source>
            <translation>Bukti dukung yang diminta: %1</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
    </context>
    <context>
        <name>InstrumentPreviewDialog</name>
        <message>
            <source>Instrument preview</source>
            <translation>Pratinjau instrumen</translation>
        </message>
        <message>
            <source>&amp;Instrument:</source>
            <translation>&amp;Instrumen:</translation>
        </message>
        <message>
            <source>&amp;Language of the instrument:</source>
            <translation>&amp;Bahasa instrumen:</translation>
        </message>
        <message>
            <source>Save as &amp;workbook…</source>
            <translation>Simpan sebagai &amp;buku kerja…</translation>
        </message>
        <message>
            <source>Write this instrument as an XLSForm-style workbook (.xlsx), to edit in a spreadsheet and import again</source>
            <translation>Tulis instrumen ini sebagai buku kerja bergaya XLSForm (.xlsx), untuk disunting di lembar kerja lalu diimpor lagi</translation>
        </message>
        <message>
            <source>Open the sheet as &amp;PDF</source>
            <translation>Buka lembar sebagai &amp;PDF</translation>
        </message>
        <message>
            <source>Interview screen</source>
            <translation>Layar wawancara</translation>
        </message>
        <message>
            <source>Evaluation sheet</source>
            <translation>Lembar penilaian</translation>
        </message>
        <message>
            <source>No instrument to preview: import one from a workbook first.</source>
            <translation>Tidak ada instrumen untuk dipratinjau: impor dulu dari buku kerja.</translation>
        </message>
        <message>
            <source>Preparing a sample assessment of {title}…</source>
            <translation>Menyiapkan contoh penilaian dengan {title}…</translation>
        </message>
        <message>
            <source>Preparing the instrument preview</source>
            <translation>Menyiapkan pratinjau instrumen</translation>
        </message>
        <message>
            <source>A sample assessment of Kabupaten Batang, every indicator scored at its middle level. Nothing here is saved.</source>
            <translation>Contoh penilaian Kabupaten Batang, setiap indikator diberi tingkat tengahnya. Tidak ada yang disimpan dari sini.</translation>
        </message>
        <message>
            <source>Drawing the evaluation sheet</source>
            <translation>Menggambar lembar penilaian</translation>
        </message>
        <message>
            <source>Page images need poppler's pdftoppm, which is not installed here. Open the sheet as PDF to see it as it will print.</source>
            <translation>Gambar halaman memerlukan pdftoppm dari poppler, yang tidak terpasang di sini. Buka lembar sebagai PDF untuk melihatnya seperti saat dicetak.</translation>
        </message>
        <message numerus="yes">
            <source>Page %n</source>
            <translation>
                <numerusform>Halaman %n</numerusform>
            </translation>
        </message>
        <message>
            <source>The preview could not be prepared: {error}</source>
            <translation>Pratinjau tidak dapat disiapkan: {error}</translation>
        </message>
        <message>
            <source>Save the instrument as a workbook</source>
            <translation>Simpan instrumen sebagai buku kerja</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>The workbook was not written: {error}</source>
            <translation>Buku kerja tidak ditulis: {error}</translation>
        </message>
        <message>
            <source>Saved {file}: edit it in a spreadsheet, then Coordinator → Import instrument from workbook…</source>
            <translation>{file} tersimpan: sunting di lembar kerja, lalu Koordinator → Impor instrumen dari buku kerja…</translation>
        </message>
    </context>
    <context>
        <name>InstrumentProblemsDialog</name>
        <message>
            <source>Problems of the workbook</source>
            <translation>Masalah dalam buku kerja</translation>
        </message>
        <message>
            <source>The instrument was not imported</source>
            <translation>Instrumen tidak diimpor</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) in {file}. Nothing was imported: fix them in the workbook and import it again.</source>
            <translation>
                <numerusform>%n masalah di {file}. Tidak ada yang diimpor: perbaiki di buku kerja, lalu impor lagi.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Copy the list</source>
            <translation>&amp;Salin daftar</translation>
        </message>
    </context>
    <context>
        <name>InstrumentWorkbookImport</name>
        <message>
            <source>Import instrument from workbook</source>
            <translation>Impor instrumen dari buku kerja</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx);;All files (*)</source>
            <translation>Buku kerja Excel (*.xlsx);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>The instrument was not imported</source>
            <translation>Instrumen tidak diimpor</translation>
        </message>
        <message>
            <source>Imported {title} — {id} {version}: {count} indicators, content hash {hash}.</source>
            <translation>{title} — {id} {version} sudah diimpor: {count} indikator, hash isi {hash}.</translation>
        </message>
        <message>
            <source>{title} — {id} {version} (content hash {hash}) was already in this data directory.</source>
            <translation>{title} — {id} {version} (hash isi {hash}) sudah ada di direktori data ini.</translation>
        </message>
        <message>
            <source>Instrument imported</source>
            <translation>Instrumen diimpor</translation>
        </message>
    </context>
    <context>
        <name>InterviewActions</name>
        <message>
            <source>Where you sat on the calibration case for this indicator, beside the group's median</source>
            <translation>Posisi Anda pada kasus kalibrasi untuk indikator ini, di samping median kelompok</translation>
        </message>
        <message>
            <source>Your calibration…</source>
            <translation>Kalibrasi Anda…</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>Tingkat %1</translation>
        </message>
        <message>
            <source>Choose rubric level %1 for this indicator</source>
            <translation>Pilih tingkat rubrik %1 untuk indikator ini</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Tidak berlaku</translation>
        </message>
        <message>
            <source>Mark this indicator as not applicable</source>
            <translation>Tandai indikator ini tidak berlaku</translation>
        </message>
        <message>
            <source>Clear level</source>
            <translation>Kosongkan tingkat</translation>
        </message>
        <message>
            <source>Remove the chosen level</source>
            <translation>Hapus tingkat yang dipilih</translation>
        </message>
        <message>
            <source>Next indicator</source>
            <translation>Indikator berikutnya</translation>
        </message>
        <message>
            <source>Go to the next indicator</source>
            <translation>Ke indikator berikutnya</translation>
        </message>
        <message>
            <source>Previous indicator</source>
            <translation>Indikator sebelumnya</translation>
        </message>
        <message>
            <source>Go to the previous indicator</source>
            <translation>Ke indikator sebelumnya</translation>
        </message>
        <message>
            <source>Next unscored indicator</source>
            <translation>Indikator berikutnya yang belum dinilai</translation>
        </message>
        <message>
            <source>Jump to the next indicator without a level</source>
            <translation>Lompat ke indikator berikutnya yang belum bertingkat</translation>
        </message>
        <message>
            <source>Find indicator…</source>
            <translation>Cari indikator…</translation>
        </message>
        <message>
            <source>Find an indicator by code or title</source>
            <translation>Cari indikator menurut kode atau judul</translation>
        </message>
        <message>
            <source>Write note</source>
            <translation>Tulis catatan</translation>
        </message>
        <message>
            <source>Put the cursor in the note of this indicator (Esc leaves it)</source>
            <translation>Pindahkan kursor ke catatan indikator ini (Esc untuk keluar)</translation>
        </message>
        <message>
            <source>Attach evidence…</source>
            <translation>Lampirkan bukti dukung…</translation>
        </message>
        <message>
            <source>Attach files or photos as evidence for this indicator</source>
            <translation>Lampirkan berkas atau foto sebagai bukti dukung untuk indikator ini</translation>
        </message>
        <message>
            <source>Start timer</source>
            <translation>Mulai pengatur waktu</translation>
        </message>
        <message>
            <source>Start or pause the interview timer</source>
            <translation>Mulai atau jeda pengatur waktu wawancara</translation>
        </message>
        <message>
            <source>Delegation…</source>
            <translation>Delegasi…</translation>
        </message>
        <message>
            <source>Edit the names and roles of the delegation</source>
            <translation>Ubah nama dan jabatan anggota delegasi</translation>
        </message>
        <message>
            <source>Finalize…</source>
            <translation>Finalisasi…</translation>
        </message>
        <message>
            <source>Check what is missing and finalize the assessment</source>
            <translation>Periksa apa yang belum lengkap lalu finalkan penilaian</translation>
        </message>
        <message>
            <source>Reopen as new version…</source>
            <translation>Buka kembali sebagai versi baru…</translation>
        </message>
        <message>
            <source>Make a new draft version of this finalized assessment, with a reason</source>
            <translation>Buat versi draf baru dari penilaian final ini, dengan alasan</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <source>Undo the last change to this assessment</source>
            <translation>Urungkan perubahan terakhir pada penilaian ini</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Redo the change last undone</source>
            <translation>Ulangi perubahan yang terakhir diurungkan</translation>
        </message>
        <message>
            <source>Back to schedule</source>
            <translation>Kembali ke jadwal</translation>
        </message>
        <message>
            <source>Close this interview and show the schedule</source>
            <translation>Tutup wawancara ini dan tampilkan jadwal</translation>
        </message>
        <message>
            <source>Pause timer</source>
            <translation>Jeda pengatur waktu</translation>
        </message>
        <message>
            <source>Resume timer</source>
            <translation>Lanjutkan pengatur waktu</translation>
        </message>
    </context>
    <context>
        <name>InterviewHeader</name>
        <message>
            <source>code %1</source>
            <translation>kode %1</translation>
        </message>
        <message>
            <source>reopened version</source>
            <translation>versi yang dibuka kembali</translation>
        </message>
        <message>
            <source>Delegation: %1</source>
            <translation>Delegasi: %1</translation>
        </message>
        <message>
            <source>Delegation: nobody recorded yet</source>
            <translation>Delegasi: belum ada yang dicatat</translation>
        </message>
    </context>
    <context>
        <name>InterviewTimer</name>
        <message>
            <source>Pause</source>
            <translation>Jeda</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Mulai</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Lanjutkan</translation>
        </message>
        <message>
            <source>Time is up (+%1)</source>
            <translation>Waktu habis (+%1)</translation>
        </message>
        <message>
            <source>Interview time elapsed / slot length</source>
            <translation>Waktu wawancara berjalan / durasi sesi</translation>
        </message>
    </context>
    <context>
        <name>InterviewView</name>
        <message>
            <source>No calibration feedback for this round yet: the coordinator sends it with the round package, after every assessor has scored the calibration case.</source>
            <translation>Belum ada umpan balik kalibrasi untuk putaran ini: koordinator mengirimnya bersama paket putaran, setelah semua penilai menilai kasus kalibrasi.</translation>
        </message>
        <message>
            <source>Attach evidence</source>
            <translation>Lampirkan bukti dukung</translation>
        </message>
        <message>
            <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
            <translation>Foto dan dokumen (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>This assessment is finalized and read-only. To change it, reopen it as a new version (Interview → Reopen as new version…, Ctrl+Shift+R).</source>
            <translation>Penilaian ini sudah final dan hanya dapat dibaca. Untuk mengubahnya, buka kembali sebagai versi baru (Wawancara → Buka kembali sebagai versi baru…, Ctrl+Shift+R).</translation>
        </message>
        <message>
            <source>Every indicator has a level or is marked not applicable.</source>
            <translation>Semua indikator sudah bertingkat atau ditandai tidak berlaku.</translation>
        </message>
        <message>
            <source>The sheet of this assessment is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Lembar penilaian ini ditandatangani dengan identitas penanda tangan Anda (kunci dan sertifikatnya), dan komputer ini belum memilikinya. Buat dari profil Anda di sini, atau impor berkas .p12 dari instansi Anda (tab “Impor .p12”).</translation>
        </message>
        <message>
            <source>Not finalized: %1</source>
            <translation>Belum difinalkan: %1</translation>
        </message>
    </context>
    <context>
        <name>LayoutForm</name>
        <message>
            <source>Days and panels</source>
            <translation>Hari dan panel</translation>
        </message>
        <message>
            <source>Working days from the first day on (Saturdays and Sundays are skipped)</source>
            <translation>Hari kerja mulai hari pertama (Sabtu dan Minggu dilewati)</translation>
        </message>
        <message>
            <source> min</source>
            <translation> menit</translation>
        </message>
        <message>
            <source>e.g. Ruang Garuda; Ruang Merak</source>
            <translation>mis. Ruang Garuda; Ruang Merak</translation>
        </message>
        <message>
            <source>assessors rotate between panels</source>
            <translation>penilai berpindah antarpanel</translation>
        </message>
        <message>
            <source>every assessor scores a calibration case</source>
            <translation>setiap penilai menilai kasus kalibrasi</translation>
        </message>
        <message>
            <source>not linked</source>
            <translation>tidak dihubungkan</translation>
        </message>
        <message>
            <source>&amp;First day:</source>
            <translation>Hari pertama:</translation>
        </message>
        <message>
            <source>Days:</source>
            <translation>Jumlah hari:</translation>
        </message>
        <message>
            <source>Day starts:</source>
            <translation>Hari dimulai:</translation>
        </message>
        <message>
            <source>Day ends:</source>
            <translation>Hari berakhir:</translation>
        </message>
        <message>
            <source>Slot &amp;length:</source>
            <translation>Lama &amp;sesi:</translation>
        </message>
        <message>
            <source>&amp;Breaks:</source>
            <translation>Istira&amp;hat:</translation>
        </message>
        <message>
            <source>Panels at a time:</source>
            <translation>Panel bersamaan:</translation>
        </message>
        <message>
            <source>Assessors per panel:</source>
            <translation>Penilai per panel:</translation>
        </message>
        <message>
            <source>Roo&amp;ms:</source>
            <translation>Na&amp;ma ruang:</translation>
        </message>
        <message>
            <source>Lin&amp;king:</source>
            <translation>Pe&amp;nghubungan:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Saving…</source>
            <translation>Menyimpan…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sinkronkan sekarang</translation>
        </message>
        <message>
            <source>Send your finalized and signed assessments to the coordinator's sync service named in the round package</source>
            <translation>Kirim penilaian final dan bertanda tangan Anda ke layanan sinkronisasi koordinator yang disebut dalam paket putaran</translation>
        </message>
        <message>
            <source>Close Nilai; every change is already saved</source>
            <translation>Tutup Nilai; semua perubahan sudah tersimpan</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Sunting</translation>
        </message>
        <message>
            <source>&amp;Interview</source>
            <translation>&amp;Wawancara</translation>
        </message>
        <message>
            <source>Choose &amp;level</source>
            <translation>Pilih &amp;tingkat</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Pengaturan</translation>
        </message>
        <message>
            <source>&amp;Profile…</source>
            <translation>&amp;Profil…</translation>
        </message>
        <message>
            <source>Your name, NIP and organisation</source>
            <translation>Nama, NIP, dan instansi Anda</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Bahasa</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ban&amp;tuan</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Pintasan papan ketik</translation>
        </message>
        <message>
            <source>List every command and its keys</source>
            <translation>Daftar semua perintah beserta tombolnya</translation>
        </message>
        <message>
            <source>All changes saved · %1</source>
            <translation>Semua perubahan tersimpan · %1</translation>
        </message>
        <message>
            <source>Last change not saved</source>
            <translation>Perubahan terakhir tidak tersimpan</translation>
        </message>
        <message>
            <source>All changes saved</source>
            <translation>Semua perubahan tersimpan</translation>
        </message>
        <message>
            <source>&amp;Open round package…</source>
            <translation>&amp;Buka paket putaran…</translation>
        </message>
        <message>
            <source>Take in the round, instrument and interview schedule your coordinator sent</source>
            <translation>Masukkan putaran, instrumen, dan jadwal wawancara yang dikirim koordinator Anda</translation>
        </message>
        <message>
            <source>&amp;Export result bundle…</source>
            <translation>&amp;Ekspor paket hasil…</translation>
        </message>
        <message>
            <source>Write a signed bundle of your finalized assessments for your coordinator</source>
            <translation>Tulis paket bertanda tangan berisi penilaian final Anda untuk koordinator</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>&amp;Pulihkan cadangan…</translation>
        </message>
        <message>
            <source>Go back to a copy of the data taken at a start or after finalizing</source>
            <translation>Kembali ke salinan data yang dibuat saat program dimulai atau setelah finalisasi</translation>
        </message>
        <message>
            <source>Si&amp;gn this sheet…</source>
            <translation>Tanda tan&amp;gani lembar ini…</translation>
        </message>
        <message>
            <source>Sign the evaluation sheet of this finalized assessment with your key</source>
            <translation>Tanda tangani lembar penilaian final ini dengan kunci Anda</translation>
        </message>
        <message>
            <source>Shee&amp;ts</source>
            <translation>&amp;Lembar</translation>
        </message>
        <message>
            <source>&amp;Check data now</source>
            <translation>Pe&amp;riksa data sekarang</translation>
        </message>
        <message>
            <source>Check the database, the change log, evidence files and signed sheets for damage</source>
            <translation>Periksa kerusakan pada basis data, catatan perubahan, berkas bukti, dan lembar bertanda tangan</translation>
        </message>
        <message>
            <source>Sheet of %1 signed and kept in Nilai (%2).</source>
            <translation>Lembar %1 sudah ditandatangani dan disimpan di Nilai (%2).</translation>
        </message>
        <message>
            <source>The sheet was not signed: %1</source>
            <translation>Lembar tidak ditandatangani: %1</translation>
        </message>
        <message>
            <source>Sign this sheet</source>
            <translation>Tanda tangani lembar ini</translation>
        </message>
        <message>
            <source>No start-up backup</source>
            <translation>Tanpa cadangan awal</translation>
        </message>
        <message>
            <source>The start-up backup could not be taken: %1</source>
            <translation>Cadangan saat program dimulai tidak dapat dibuat: %1</translation>
        </message>
        <message>
            <source>&amp;High contrast</source>
            <translation>Kontras &amp;tinggi</translation>
        </message>
        <message>
            <source>Black and white, the strongest contrast, for a bright room or weak sight</source>
            <translation>Hitam dan putih, kontras paling kuat, untuk ruangan yang terang atau penglihatan yang lemah</translation>
        </message>
        <message>
            <source>Sync &amp;automatically</source>
            <translation>Sinkronkan &amp;otomatis</translation>
        </message>
        <message>
            <source>Send finalized and signed assessments to the coordinator&apos;s sync service by themselves when it answers</source>
            <translation>Kirim penilaian final dan bertanda tangan ke layanan sinkronisasi koordinator dengan sendirinya saat layanan menjawab</translation>
        </message>
        <message>
            <source>sign what automatic sync sends to the coordinator&apos;s sync service (asked once per session)</source>
            <translation>menandatangani kiriman sinkronisasi otomatis ke layanan sinkronisasi koordinator (ditanyakan sekali per sesi)</translation>
        </message>
    </context>
    <context>
        <name>ModerationHistoryModel</name>
        <message>
            <source>Coordinator</source>
            <translation>Koordinator</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Perubahan</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Oleh</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>dihapus</translation>
        </message>
    </context>
    <context>
        <name>ModerationPanel</name>
        <message>
            <source>Logged as the coordinator: %1</source>
            <translation>Dicatat atas nama koordinator: %1</translation>
        </message>
        <message>
            <source>Moderations are yours as coordinator; the assessors' own levels stay as they scored them</source>
            <translation>Moderasi adalah keputusan Anda sebagai koordinator; tingkat dari penilai tetap seperti yang mereka berikan</translation>
        </message>
        <message>
            <source>Level %1 is already moderated here: choose another level, or clear the moderation.</source>
            <translation>Tingkat %1 sudah menjadi hasil moderasi di sini: pilih tingkat lain, atau hapus moderasinya.</translation>
        </message>
        <message>
            <source>Level %1 is already in force (the panel's combined level): choose another level.</source>
            <translation>Tingkat %1 sudah berlaku (tingkat gabungan panel): pilih tingkat lain.</translation>
        </message>
        <message>
            <source>Choose an indicator to moderate</source>
            <translation>Pilih indikator untuk dimoderasi</translation>
        </message>
        <message>
            <source>Moderated level</source>
            <translation>Tingkat hasil moderasi</translation>
        </message>
        <message>
            <source>Why (required; kept in the change log)</source>
            <translation>Alasan (wajib; disimpan dalam catatan perubahan)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>&amp;Set level</source>
            <translation>Tetapkan ti&amp;ngkat</translation>
        </message>
        <message>
            <source>&amp;Clear moderation</source>
            <translation>&amp;Hapus moderasi</translation>
        </message>
        <message>
            <source>&amp;Level:</source>
            <translation>Ting&amp;kat:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Alasan:</translation>
        </message>
        <message>
            <source>Moderation history</source>
            <translation>Riwayat moderasi</translation>
        </message>
        <message>
            <source>History of this region's moderations</source>
            <translation>Riwayat moderasi daerah ini</translation>
        </message>
        <message>
            <source>Moderate %1</source>
            <translation>Moderasi %1</translation>
        </message>
        <message>
            <source>Moderated to %1: %2</source>
            <translation>Dimoderasi menjadi %1: %2</translation>
        </message>
        <message>
            <source>Not moderated: the panel's combined level is in force.</source>
            <translation>Tidak dimoderasi: tingkat gabungan panel yang berlaku.</translation>
        </message>
        <message>
            <source>Give a reason: it is kept in the change log with your name.</source>
            <translation>Sebutkan alasan: alasan disimpan dalam catatan perubahan beserta nama Anda.</translation>
        </message>
    </context>
    <context>
        <name>OfficialRulePanel</name>
        <message>
            <source>Official rule</source>
            <translation>Aturan resmi</translation>
        </message>
        <message>
            <source>&amp;Make this rule official</source>
            <translation>Jadikan aturan ini res&amp;mi</translation>
        </message>
        <message>
            <source>The shortlist is made, and exported, with the official rule; the choice is recorded in the round's change log with your name and the time</source>
            <translation>Daftar pendek dibuat, dan diekspor, dengan aturan resmi; pilihan ini dicatat di log perubahan putaran dengan nama Anda dan waktunya</translation>
        </message>
        <message>
            <source>Why the adjusted ranking is refused</source>
            <translation>Mengapa peringkat yang disesuaikan ditolak</translation>
        </message>
        <message>
            <source>Official rule: &lt;b&gt;%1&lt;/b&gt; — chosen by %2 on %3</source>
            <translation>Aturan resmi: &lt;b&gt;%1&lt;/b&gt; — dipilih oleh %2 pada %3</translation>
        </message>
        <message>
            <source>Official rule: &lt;b&gt;%1&lt;/b&gt; (the round's setting)</source>
            <translation>Aturan resmi: &lt;b&gt;%1&lt;/b&gt; (pengaturan putaran)</translation>
        </message>
        <message>
            <source>the exports use the official rule</source>
            <translation>ekspor memakai aturan resmi</translation>
        </message>
        <message>
            <source>the ranking below uses &lt;b&gt;%1&lt;/b&gt;: make it official to export it</source>
            <translation>peringkat di bawah memakai &lt;b&gt;%1&lt;/b&gt;: jadikan resmi untuk mengekspornya</translation>
        </message>
    </context>
    <context>
        <name>OpenFolderButton</name>
        <message>
            <source>&amp;Open folder</source>
            <translation>&amp;Buka folder</translation>
        </message>
    </context>
    <context>
        <name>OutlineModel</name>
        <message>
            <source>needs a note</source>
            <translation>perlu catatan</translation>
        </message>
        <message>
            <source>needs evidence</source>
            <translation>perlu bukti dukung</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Tingkat</translation>
        </message>
        <message>
            <source>%1: %2 of %3 indicators scored</source>
            <translation>%1: %2 dari %3 indikator sudah dinilai</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>T/B</translation>
        </message>
        <message>
            <source>level %1</source>
            <translation>tingkat %1</translation>
        </message>
        <message>
            <source>no level</source>
            <translation>belum bertingkat</translation>
        </message>
        <message>
            <source>%1 (optional)</source>
            <translation>%1 (opsional)</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Unlock the signing key</source>
            <translation>Buka kunci penanda tangan</translation>
        </message>
        <message>
            <source>Passphrase of %1's signing key (NIP %2).</source>
            <translation>Frasa sandi kunci penanda tangan milik %1 (NIP %2).</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frasa sandi</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Masalah</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again.</source>
            <translation>Frasa sandi itu salah. Periksa Caps Lock dan tata letak papan ketik, lalu coba lagi.</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong passphrases. You can try again in %n second(s).</source>
            <translation>
                <numerusform>Terlalu banyak frasa sandi salah. Anda dapat mencoba lagi dalam %n detik.</numerusform>
            </translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Anda dapat mencoba lagi sekarang.</translation>
        </message>
    </context>
    <context>
        <name>PasteDialog</name>
        <message>
            <source>Lines of the list and their regions</source>
            <translation>Baris daftar dan daerahnya</translation>
        </message>
        <message>
            <source>Paste a list of candidates</source>
            <translation>Tempel daftar kandidat</translation>
        </message>
        <message>
            <source>One region a line: its BPS code (e.g. 6303) or its name (e.g. Kota Banjar). Names that fit two regions are asked about, never guessed.</source>
            <translation>Satu daerah per baris: kode BPS-nya (mis. 6303) atau namanya (mis. Kota Banjar). Nama yang cocok untuk dua daerah ditanyakan, tidak pernah ditebak.</translation>
        </message>
        <message>
            <source>Pasted list</source>
            <translation>Daftar yang ditempel</translation>
        </message>
        <message>
            <source>C&amp;heck the list</source>
            <translation>&amp;Periksa daftar</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Baris</translation>
        </message>
        <message>
            <source>Pasted</source>
            <translation>Ditempel</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>&amp;Add the regions</source>
            <translation>&amp;Tambahkan daerah</translation>
        </message>
        <message>
            <source>Which region is line %1?</source>
            <translation>Daerah mana yang dimaksud baris %1?</translation>
        </message>
        <message>
            <source>? Which one? Choose…</source>
            <translation>? Yang mana? Pilih…</translation>
        </message>
        <message>
            <source>Leave this line out</source>
            <translation>Lewati baris ini</translation>
        </message>
        <message>
            <source>%1 region(s) to add.</source>
            <translation>%1 daerah akan ditambahkan.</translation>
        </message>
        <message>
            <source>%1 line(s) name more than one region: choose which in the list.</source>
            <translation>%1 baris menyebut lebih dari satu daerah: pilih yang dimaksud di daftar.</translation>
        </message>
        <message>
            <source>%1 line(s) name no region and will be left out (see why in the list).</source>
            <translation>%1 baris tidak menyebut daerah dan akan dilewati (lihat alasannya di daftar).</translation>
        </message>
        <message>
            <source>&amp;Add %1 region(s)</source>
            <translation>&amp;Tambahkan %1 daerah</translation>
        </message>
        <message>
            <source>Answer every question in the list first</source>
            <translation>Jawab dulu setiap pertanyaan di daftar</translation>
        </message>
    </context>
    <context>
        <name>PathField</name>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Pilih…</translation>
        </message>
    </context>
    <context>
        <name>PlanWords</name>
        <message>
            <source>no column “%1” (the columns are %2)</source>
            <translation>tidak ada kolom “%1” (kolomnya: %2)</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>%1 on %2 (%3, %4)</source>
            <translation>%1 pada %2 (%3, %4)</translation>
        </message>
        <message>
            <source>declared a conflict with it</source>
            <translation>menyatakan konflik kepentingan dengannya</translation>
        </message>
        <message>
            <source>comes from it</source>
            <translation>berasal dari daerah itu</translation>
        </message>
        <message>
            <source>is from %1</source>
            <translation>berasal dari %1</translation>
        </message>
        <message>
            <source>%1 is not an interview day of the round</source>
            <translation>%1 bukan hari wawancara putaran ini</translation>
        </message>
        <message>
            <source>%1 for %2 minutes is outside the day (%3–%4)</source>
            <translation>%1 selama %2 menit berada di luar jam hari itu (%3–%4)</translation>
        </message>
        <message>
            <source>%1 for %2 minutes runs into the break %3–%4</source>
            <translation>%1 selama %2 menit terpotong istirahat %3–%4</translation>
        </message>
        <message>
            <source>%1 is not a candidate of the round</source>
            <translation>%1 bukan kandidat putaran ini</translation>
        </message>
        <message>
            <source>assessor %1 is not in the round</source>
            <translation>penilai %1 tidak terdaftar di putaran ini</translation>
        </message>
        <message>
            <source>%1 sits on %2 but %3</source>
            <translation>%1 menilai %2 padahal %3</translation>
        </message>
        <message>
            <source>%1 assessor(s) on the panel, it needs %2</source>
            <translation>%1 penilai di panel, dibutuhkan %2</translation>
        </message>
        <message>
            <source>%1 is also interviewed at %2</source>
            <translation>%1 juga diwawancarai pada %2</translation>
        </message>
        <message>
            <source>overlaps %1 at %2 in the same room</source>
            <translation>bertumpang tindih dengan %1 pada %2 di ruang yang sama</translation>
        </message>
        <message>
            <source>%1 is also on %2 at %3</source>
            <translation>%1 juga menilai %2 pada %3</translation>
        </message>
        <message>
            <source>%1 has no slot</source>
            <translation>%1 belum mendapat sesi</translation>
        </message>
        <message>
            <source>%1 candidates in %2 slots on %3 panel-days (%4 panels × %5 days); %6 slots left free</source>
            <translation>%1 kandidat dalam %2 sesi pada %3 hari-panel (%4 panel × %5 hari); %6 sesi tersisa kosong</translation>
        </message>
        <message>
            <source>Load balanced: every panel-day has %1 candidates</source>
            <translation>Beban seimbang: setiap hari-panel menilai %1 kandidat</translation>
        </message>
        <message>
            <source>Load balanced: every panel-day has %1 or %2 candidates</source>
            <translation>Beban seimbang: setiap hari-panel menilai %1 atau %2 kandidat</translation>
        </message>
        <message>
            <source> (or all it holds)</source>
            <translation> (atau sebanyak yang muat)</translation>
        </message>
        <message>
            <source>The conflicts did not allow a load within one candidate per panel-day: loads range from %1 to %2</source>
            <translation>Konflik kepentingan tidak memungkinkan selisih beban paling banyak satu kandidat per hari-panel: beban berkisar %1 sampai %2</translation>
        </message>
        <message>
            <source>%1 of %2 panel pairs share an assessor or the calibration case</source>
            <translation>%1 dari %2 pasangan panel berbagi penilai atau kasus kalibrasi</translation>
        </message>
        <message>
            <source>%1 of %2 panel pairs share an assessor</source>
            <translation>%1 dari %2 pasangan panel berbagi penilai</translation>
        </message>
        <message>
            <source> (at most %1 with %2 panels of %3 a day)</source>
            <translation> (paling tinggi %1 dengan %2 panel berisi %3 penilai sehari)</translation>
        </message>
        <message>
            <source>Every panel is linked to every other through shared assessors, so the ranking can compare their severity</source>
            <translation>Setiap panel terhubung dengan panel lain melalui penilai bersama, sehingga peringkat dapat membandingkan kekerasan penilaiannya</translation>
        </message>
        <message>
            <source>The panels fall into %1 groups with no assessor in common: the ranking cannot compare severity between them (choose linking rotate, or a calibration case)</source>
            <translation>Panel terbagi menjadi %1 kelompok tanpa penilai bersama: peringkat tidak dapat membandingkan kekerasan penilaian antarkelompok (pilih penilai berpindah antarpanel, atau kasus kalibrasi)</translation>
        </message>
        <message>
            <source>Calibration case: %1 is interviewed by all %2 assessors together at %3 on %4</source>
            <translation>Kasus kalibrasi: %1 diwawancarai oleh seluruh %2 penilai bersama-sama pukul %3 pada %4</translation>
        </message>
        <message>
            <source>the way panels are linked is not known (%1)</source>
            <translation>cara menghubungkan panel tidak dikenal (%1)</translation>
        </message>
        <message>
            <source>a round needs at least one panel of at least one assessor (%1 panels of %2 asked)</source>
            <translation>putaran memerlukan sedikitnya satu panel dengan sedikitnya satu penilai (diminta %1 panel berisi %2)</translation>
        </message>
        <message>
            <source>the round has no candidates to schedule</source>
            <translation>putaran ini belum punya kandidat untuk dijadwalkan</translation>
        </message>
        <message>
            <source>the round has no interview days</source>
            <translation>putaran ini belum punya hari wawancara</translation>
        </message>
        <message>
            <source>listed more than once: %1</source>
            <translation>tercantum lebih dari sekali: %1</translation>
        </message>
        <message>
            <source>panel size %1 × %2 panels needs %3 assessors, the round has %4</source>
            <translation>%1 penilai per panel × %2 panel memerlukan %3 penilai, putaran ini punya %4</translation>
        </message>
        <message>
            <source>%1 candidates but only %2 slots (%3 panels, %4 days, slots a day: %5, %6 minutes each)</source>
            <translation>%1 kandidat tetapi hanya ada %2 sesi (%3 panel, %4 hari, sesi per hari: %5, masing-masing %6 menit)</translation>
        </message>
        <message>
            <source>; the calibration case takes the first slot of every room on the first day</source>
            <translation>; kasus kalibrasi memakai sesi pertama setiap ruang pada hari pertama</translation>
        </message>
        <message>
            <source> or </source>
            <translation> atau </translation>
        </message>
        <message>
            <source>%1: every assessor %2</source>
            <translation>%1: setiap penilai %2</translation>
        </message>
        <message>
            <source>%1: only %2 of %3 assessors have no conflict with it (the others: %4), a panel needs %5</source>
            <translation>%1: hanya %2 dari %3 penilai yang tidak berkonflik dengannya (yang lain: %4), satu panel memerlukan %5</translation>
        </message>
        <message>
            <source>and %1 more candidates like these</source>
            <translation>dan %1 kandidat lain yang serupa</translation>
        </message>
        <message>
            <source>calibration case: every candidate conflicts with at least one assessor, so none can be interviewed by all of them; choose linking rotate</source>
            <translation>kasus kalibrasi: setiap kandidat berkonflik dengan sedikitnya satu penilai, jadi tak satu pun dapat diwawancarai oleh semua penilai; pilih penilai berpindah antarpanel</translation>
        </message>
        <message>
            <source>calibration case: the first day holds no slot for it</source>
            <translation>kasus kalibrasi: hari pertama tidak punya sesi untuknya</translation>
        </message>
        <message>
            <source>from %1</source>
            <translation>dari %1</translation>
        </message>
        <message>
            <source>no seating was found that gives every candidate a panel free of its conflicts: %1 candidates (%2) can sit only before the %3 panel-days with no conflicted assessor, which hold %4 slots; add days or panels, or assessors from other provinces</source>
            <translation>tidak ditemukan susunan panel yang memberi setiap kandidat panel tanpa konflik kepentingan: %1 kandidat (%2) hanya dapat dinilai oleh %3 hari-panel tanpa penilai berkonflik, yang memuat %4 sesi; tambahkan hari atau panel, atau penilai dari provinsi lain</translation>
        </message>
        <message>
            <source>%1: no regency or city has the BPS code %2</source>
            <translation>%1: tidak ada kabupaten atau kota dengan kode BPS %2</translation>
        </message>
        <message>
            <source>%1: %2 is not in %3</source>
            <translation>%1: %2 tidak berada di %3</translation>
        </message>
        <message>
            <source>%1 is a province code; give a regency or city (four-digit BPS code or name)</source>
            <translation>%1 adalah kode provinsi; tuliskan kabupaten atau kota (kode BPS empat angka atau nama)</translation>
        </message>
        <message>
            <source>%1 is not a regency or city name or BPS code</source>
            <translation>%1 bukan nama atau kode BPS kabupaten/kota</translation>
        </message>
        <message>
            <source>%1 is a province; give a regency or city</source>
            <translation>%1 adalah provinsi; tuliskan kabupaten atau kota</translation>
        </message>
        <message>
            <source>%1 is not a regency or city in %2</source>
            <translation>%1 bukan kabupaten atau kota di %2</translation>
        </message>
        <message>
            <source>%1 is not a regency or city</source>
            <translation>%1 bukan kabupaten atau kota</translation>
        </message>
        <message>
            <source> (did you mean %1?)</source>
            <translation> (maksud Anda %1?)</translation>
        </message>
        <message>
            <source>the cells of this row name different regions (%1); keep one</source>
            <translation>sel-sel baris ini menyebut daerah yang berbeda (%1); sisakan satu</translation>
        </message>
        <message>
            <source> and </source>
            <translation> dan </translation>
        </message>
        <message>
            <source>sheet %1</source>
            <translation>lembar %1</translation>
        </message>
        <message>
            <source>row %1</source>
            <translation>baris %1</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>kolom %1</translation>
        </message>
        <message>
            <source>the assessor's name is empty</source>
            <translation>nama penilai kosong</translation>
        </message>
        <message>
            <source>“%1” is not a NIP (digits only)</source>
            <translation>“%1” bukan NIP (hanya angka)</translation>
        </message>
        <message>
            <source>%1 was kept as a number and has lost its last digits; format the column as Text and type the NIP again</source>
            <translation>%1 tersimpan sebagai angka dan kehilangan digit terakhirnya; format kolom sebagai Teks lalu ketik ulang NIP-nya</translation>
        </message>
        <message>
            <source>“%1” is not a province</source>
            <translation>“%1” bukan provinsi</translation>
        </message>
        <message>
            <source>“%1” is ambiguous: %2; write the BPS code</source>
            <translation>“%1” bermakna ganda: %2; tuliskan kode BPS-nya</translation>
        </message>
        <message>
            <source>NIP %1 is also on row %2</source>
            <translation>NIP %1 juga ada di baris %2</translation>
        </message>
        <message>
            <source>the sheet has no assessor rows</source>
            <translation>lembar ini tidak berisi baris penilai</translation>
        </message>
        <message>
            <source>no column “name” (the columns are %1); start from the assessors template</source>
            <translation>tidak ada kolom “name” (kolom yang ada: %1); mulailah dari templat penilai</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Nama berkas:</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Buka</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Semua berkas (*)</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Mundur</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Maju</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Folder induk</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Buat folder baru</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Tampilan daftar</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Tampilan rinci</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Tempat terakhir</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Tampilkan berkas &amp;tersembunyi</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Hapus</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Ganti nama</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Folder &amp;baru</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Berkas</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Tanggal diubah</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Komputer</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Urungkan</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>U&amp;langi</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih semua</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Tampilkan rincian…</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Sembunyikan rincian…</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Ya</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Tidak</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Terapkan</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Buang</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Bantuan</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Urungkan</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>U&amp;langi</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Potong</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Tempel</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Pilih semua</translation>
        </message>
    </context>
    <context>
        <name>RankingBarChart</name>
        <message>
            <source>Panel scores in ranking order, adjusted for assessor severity</source>
            <translation>Skor panel menurut urutan peringkat, disesuaikan dengan keketatan penilai</translation>
        </message>
        <message>
            <source>adjusted for assessor severity, some scores lie outside 0–100: the axis runs from %1 to %2</source>
            <translation>disesuaikan dengan keketatan penilai, sebagian skor berada di luar 0–100: sumbu berjalan dari %1 sampai %2</translation>
        </message>
        <message>
            <source>panel scores from %1 to %2</source>
            <translation>skor panel dari %1 sampai %2</translation>
        </message>
        <message>
            <source>%1 regions ranked; shortlist cut-offs at %2</source>
            <translation>%1 daerah diperingkat; batas daftar pendek pada %2</translation>
        </message>
        <message>
            <source>Panel scores in ranking order</source>
            <translation>Nilai panel menurut urutan peringkat</translation>
        </message>
        <message>
            <source>on every shortlist</source>
            <translation>masuk semua daftar pendek</translation>
        </message>
        <message>
            <source>on the larger</source>
            <translation>masuk daftar yang lebih besar</translation>
        </message>
        <message>
            <source>tie at a cut-off</source>
            <translation>seri di batas</translation>
        </message>
        <message>
            <source>not shortlisted</source>
            <translation>tidak masuk daftar pendek</translation>
        </message>
        <message>
            <source>No region has a panel score yet</source>
            <translation>Belum ada daerah yang memiliki nilai panel</translation>
        </message>
        <message>
            <source>place in the ranking</source>
            <translation>posisi dalam peringkat</translation>
        </message>
        <message>
            <source>top %1</source>
            <translation>%1 teratas</translation>
        </message>
        <message>
            <source>%1. %2 — %3</source>
            <translation>%1. %2 — %3</translation>
        </message>
    </context>
    <context>
        <name>RankingModel</name>
        <message>
            <source>tie</source>
            <translation>seri</translation>
        </message>
        <message>
            <source>straddles cut-off %1</source>
            <translation>melintasi batas %1</translation>
        </message>
        <message>
            <source>tie-break</source>
            <translation>penentu seri</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Peringkat</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>Panel score</source>
            <translation>Nilai panel</translation>
        </message>
        <message>
            <source>Assessors</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Spread ≥2</source>
            <translation>Selisih ≥2</translation>
        </message>
        <message>
            <source>Moderated</source>
            <translation>Dimoderasi</translation>
        </message>
        <message>
            <source>Rank by mean</source>
            <translation>Peringkat rata-rata</translation>
        </message>
        <message>
            <source>Top %1</source>
            <translation>%1 teratas</translation>
        </message>
        <message>
            <source>Ties</source>
            <translation>Seri</translation>
        </message>
        <message>
            <source>Standard competition rank (1, 2, 2, 4); regions without a panel score are not ranked</source>
            <translation>Peringkat kompetisi standar (1, 2, 2, 4); daerah tanpa nilai panel tidak diperingkat</translation>
        </message>
        <message>
            <source>Panel score 0–100 under the chosen aggregation rule</source>
            <translation>Nilai panel 0–100 menurut aturan agregasi yang dipilih</translation>
        </message>
        <message>
            <source>The rank by the mean of the assessors' own levels; ▲/▼ how far the adjustment moved the region, ⇅ it crossed a shortlist cut-off</source>
            <translation>Peringkat menurut rata-rata tingkat asli para penilai; ▲/▼ seberapa jauh penyesuaian menggeser daerah, ⇅ daerah melintasi batas daftar pendek</translation>
        </message>
        <message>
            <source>Counted assessments (of the assessors seated on the panel)</source>
            <translation>Penilaian yang dihitung (dari penilai anggota panel)</translation>
        </message>
        <message>
            <source>Indicators where assessors differ by two levels or more</source>
            <translation>Indikator dengan selisih antarpenilai dua tingkat atau lebih</translation>
        </message>
        <message>
            <source>Indicators with a moderated level</source>
            <translation>Indikator dengan tingkat hasil moderasi</translation>
        </message>
        <message>
            <source>On the shortlist of %1: ✓ yes, tie: a tie straddles the cut-off</source>
            <translation>Masuk daftar pendek %1: ✓ ya, seri: ada nilai seri yang melintasi batas</translation>
        </message>
        <message>
            <source>Regions with the same panel score: separated by tie-breakers, genuinely tied (=), or straddling a cut-off (for the coordinator to decide)</source>
            <translation>Daerah dengan nilai panel sama: dipisahkan oleh penentu seri, benar-benar seri (=), atau melintasi batas (diputuskan koordinator)</translation>
        </message>
        <message>
            <source>Genuinely tied with %1 (same score and every tie-breaker)</source>
            <translation>Benar-benar seri dengan %1 (nilai dan semua penentu seri sama)</translation>
        </message>
        <message>
            <source>%1 missing, %2 in conflict</source>
            <translation>%1 belum ada, %2 bertentangan</translation>
        </message>
        <message>
            <source>Adjusted for assessor severity, this region moves across the cut-off of the top %1 (see Region detail and Assessor severity for why)</source>
            <translation>Setelah disesuaikan dengan keketatan penilai, daerah ini melintasi batas %1 besar (lihat Rincian daerah dan Ketatnya penilai untuk alasannya)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>tidak ada</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>peringatan</translation>
        </message>
    </context>
    <context>
        <name>RankingTab</name>
        <message>
            <source>&lt;b&gt;The adjustment against the raw mean&lt;/b&gt; — %1 (⇅ in &lt;i&gt;Rank by mean&lt;/i&gt;; open a region for why)</source>
            <translation>&lt;b&gt;Penyesuaian dibandingkan rata-rata asli&lt;/b&gt; — %1 (⇅ di &lt;i&gt;Peringkat rata-rata&lt;/i&gt;; buka satu daerah untuk melihat alasannya)</translation>
        </message>
        <message>
            <source>top %1: %2 in, %3 out</source>
            <translation>%1 teratas: %2 masuk, %3 keluar</translation>
        </message>
        <message>
            <source>Aggregation rule</source>
            <translation>Aturan agregasi</translation>
        </message>
        <message>
            <source>How the assessors' levels of one indicator are combined; the ranking is recomputed in the background</source>
            <translation>Cara menggabungkan tingkat dari para penilai untuk satu indikator; peringkat dihitung ulang di latar belakang</translation>
        </message>
        <message>
            <source>Filter by region, code or province</source>
            <translation>Saring menurut daerah, kode, atau provinsi</translation>
        </message>
        <message>
            <source>Filter the ranking</source>
            <translation>Saring peringkat</translation>
        </message>
        <message>
            <source>Recomputing…</source>
            <translation>Menghitung ulang…</translation>
        </message>
        <message>
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <source>XLSX…</source>
            <translation>XLSX…</translation>
        </message>
        <message>
            <source>PDF report…</source>
            <translation>Laporan PDF…</translation>
        </message>
        <message>
            <source>Sign the PDF</source>
            <translation>Tanda tangani PDF</translation>
        </message>
        <message>
            <source>Sign the report with this data directory's key (asks the passphrase)</source>
            <translation>Tanda tangani laporan dengan kunci direktori data ini (meminta frasa sandi)</translation>
        </message>
        <message>
            <source>The ranking, and every level behind it in a second CSV</source>
            <translation>Peringkat, beserta semua tingkat di baliknya dalam CSV kedua</translation>
        </message>
        <message>
            <source>Ranking, Scores and Method sheets</source>
            <translation>Lembar Peringkat, Nilai, dan Metode</translation>
        </message>
        <message>
            <source>The ranking report: method, agreement, charts, table</source>
            <translation>Laporan peringkat: metode, kesepakatan, grafik, tabel</translation>
        </message>
        <message>
            <source>&amp;Rule:</source>
            <translation>&amp;Aturan:</translation>
        </message>
        <message>
            <source>Export:</source>
            <translation>Ekspor:</translation>
        </message>
        <message>
            <source>Agreement between assessors</source>
            <translation>Kesepakatan antarpenilai</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Peringkat</translation>
        </message>
        <message>
            <source>Refused for this round: its panels are not linked</source>
            <translation>Ditolak untuk putaran ini: panelnya tidak terhubung</translation>
        </message>
        <message>
            <source>Each assessor's levels corrected for their severity, estimated from the regions assessors scored in common</source>
            <translation>Tingkat tiap penilai dikoreksi menurut keketatannya, yang diperkirakan dari daerah yang dinilai bersama oleh para penilai</translation>
        </message>
        <message>
            <source>&lt;b&gt;Agreement&lt;/b&gt; — Krippendorff's α (ordinal) / Gwet's AC1 / AC2: round &lt;b&gt;%1&lt;/b&gt;; by dimension: %2 · ICC(1,1) of the assessors' totals: &lt;b&gt;%3&lt;/b&gt; · %4 indicator(s) with a spread of 2 levels or more, in %5 region(s) · rule: %6</source>
            <translation>&lt;b&gt;Kesepakatan&lt;/b&gt; — α Krippendorff (ordinal) / AC1 / AC2 Gwet: putaran &lt;b&gt;%1&lt;/b&gt;; per dimensi: %2 · ICC(1,1) total penilai: &lt;b&gt;%3&lt;/b&gt; · %4 indikator dengan selisih 2 tingkat atau lebih, di %5 daerah · aturan: %6</translation>
        </message>
        <message>
            <source>Top %1: %2 certain; a tie of %3 regions (%4) straddles the cut-off for %5 place(s) — for the coordinator to decide</source>
            <translation>%1 teratas: %2 pasti; %3 daerah seri (%4) melintasi batas untuk %5 tempat — diputuskan koordinator</translation>
        </message>
        <message>
            <source>Top %1: %2 regions</source>
            <translation>%1 teratas: %2 daerah</translation>
        </message>
        <message>
            <source>%1 of %2 regions ranked</source>
            <translation>%1 dari %2 daerah diperingkat</translation>
        </message>
    </context>
    <context>
        <name>RankingTableView</name>
        <message>
            <source>top %1</source>
            <translation>%1 teratas</translation>
        </message>
    </context>
    <context>
        <name>RegionDetailModel</name>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Raw mean</source>
            <translation>Rata-rata asli</translation>
        </message>
        <message>
            <source>Adjusted</source>
            <translation>Disesuaikan</translation>
        </message>
        <message>
            <source>Combined</source>
            <translation>Gabungan</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>Berlaku</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>Selisih</translation>
        </message>
        <message>
            <source>Severity %1 ± %2 points (%3 levels): positive scores lower than the average assessor</source>
            <translation>Keketatan %1 ± %2 poin (%3 tingkat): positif berarti menilai lebih rendah daripada penilai rata-rata</translation>
        </message>
        <message>
            <source>The mean of the assessors' own levels, before the adjustment</source>
            <translation>Rata-rata tingkat asli para penilai, sebelum penyesuaian</translation>
        </message>
        <message>
            <source>The mean of the levels after each is corrected for its assessor's severity</source>
            <translation>Rata-rata tingkat setelah masing-masing dikoreksi menurut keketatan penilainya</translation>
        </message>
        <message>
            <source>The assessors' levels combined with the round's rule</source>
            <translation>Tingkat para penilai yang digabungkan dengan aturan putaran</translation>
        </message>
        <message>
            <source>The moderated level where the coordinator set one, else the combined level</source>
            <translation>Tingkat hasil moderasi bila koordinator menetapkannya, selain itu tingkat gabungan</translation>
        </message>
        <message>
            <source>Highest minus lowest level; flagged from 2 levels</source>
            <translation>Tingkat tertinggi dikurangi terendah; ditandai mulai 2 tingkat</translation>
        </message>
        <message>
            <source>%1 (moderated)</source>
            <translation>%1 (dimoderasi)</translation>
        </message>
        <message>
            <source>Moderated: %1</source>
            <translation>Dimoderasi: %1</translation>
        </message>
        <message>
            <source>The assessors differ by %1 levels</source>
            <translation>Para penilai berbeda %1 tingkat</translation>
        </message>
        <message>
            <source>erratic</source>
            <translation>tak menentu</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>halo</translation>
        </message>
        <message>
            <source>n/a</source>
            <translation>t/b</translation>
        </message>
        <message>
            <source>Evidence: %1</source>
            <translation>Bukti dukung: %1</translation>
        </message>
    </context>
    <context>
        <name>RegionDetailTab</name>
        <message>
            <source>Why: %1.</source>
            <translation>Alasannya: %1.</translation>
        </message>
        <message>
            <source>its panel scores more strictly than the round's average assessor (%1 points on average), so the adjustment raises its levels</source>
            <translation>panelnya menilai lebih ketat daripada penilai rata-rata putaran (rata-rata %1 poin), sehingga penyesuaian menaikkan tingkatnya</translation>
        </message>
        <message>
            <source>its panel scores more leniently than the round's average assessor (%1 points on average), so the adjustment lowers its levels</source>
            <translation>panelnya menilai lebih longgar daripada penilai rata-rata putaran (rata-rata %1 poin), sehingga penyesuaian menurunkan tingkatnya</translation>
        </message>
        <message>
            <source>its panel scores about as strictly as the round's average assessor</source>
            <translation>panelnya menilai kira-kira seketat penilai rata-rata putaran</translation>
        </message>
        <message>
            <source>the adjustment takes it out of a tie at the top %1</source>
            <translation>penyesuaian melepaskannya dari seri di batas %1 teratas</translation>
        </message>
        <message>
            <source>the adjustment brings it to a tie at the top %1</source>
            <translation>penyesuaian membuatnya seri di batas %1 teratas</translation>
        </message>
        <message>
            <source>the adjustment takes it off the top %1</source>
            <translation>penyesuaian mengeluarkannya dari %1 teratas</translation>
        </message>
        <message>
            <source>the adjustment puts it on the top %1</source>
            <translation>penyesuaian memasukkannya ke %1 teratas</translation>
        </message>
        <message>
            <source>By the raw mean rank &lt;b&gt;%1&lt;/b&gt;, adjusted rank &lt;b&gt;%2&lt;/b&gt;</source>
            <translation>Menurut rata-rata asli peringkat &lt;b&gt;%1&lt;/b&gt;, setelah disesuaikan peringkat &lt;b&gt;%2&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Adjusted score: estimating the assessor severities…</source>
            <translation>Nilai yang disesuaikan: sedang memperkirakan keketatan penilai…</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>&amp;Daerah:</translation>
        </message>
        <message>
            <source>Levels per indicator</source>
            <translation>Tingkat per indikator</translation>
        </message>
        <message>
            <source>Notes and evidence</source>
            <translation>Catatan dan bukti dukung</translation>
        </message>
        <message>
            <source>Loading the region</source>
            <translation>Memuat daerah</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; (%2), %3 · rank &lt;b&gt;%4&lt;/b&gt; · panel score &lt;b&gt;%5&lt;/b&gt; · %6 assessor(s) · %7 flagged · %8 moderated</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; (%2), %3 · peringkat &lt;b&gt;%4&lt;/b&gt; · nilai panel &lt;b&gt;%5&lt;/b&gt; · %6 penilai · %7 ditandai · %8 dimoderasi</translation>
        </message>
        <message>
            <source>Adjusted score: none — the round's panels are not linked (see Assessor severity)</source>
            <translation>Nilai yang disesuaikan: tidak ada — panel putaran ini tidak terhubung (lihat Ketatnya penilai)</translation>
        </message>
        <message>
            <source>erratic</source>
            <translation>tak menentu</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>halo</translation>
        </message>
        <message>
            <source>fits</source>
            <translation>sesuai</translation>
        </message>
        <message>
            <source>Raw mean &lt;b&gt;%1&lt;/b&gt; · adjusted for assessor severity &lt;b&gt;%2&lt;/b&gt; · the panel's severities (points ± SE; + stricter): %3</source>
            <translation>Rata-rata asli &lt;b&gt;%1&lt;/b&gt; · disesuaikan dengan keketatan penilai &lt;b&gt;%2&lt;/b&gt; · keketatan panel (poin ± SE; + lebih ketat): %3</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>tidak berlaku</translation>
        </message>
        <message>
            <source>no note</source>
            <translation>tanpa catatan</translation>
        </message>
        <message>
            <source>no evidence</source>
            <translation>tanpa bukti dukung</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Tingkat</translation>
        </message>
    </context>
    <context>
        <name>RegionModel</name>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>In the round</source>
            <translation>Dalam putaran</translation>
        </message>
    </context>
    <context>
        <name>RegionRadarChart</name>
        <message>
            <source>adjusted for assessor severity, the scale runs from %1 at the centre to %2</source>
            <translation>disesuaikan dengan keketatan penilai, skala berjalan dari %1 di pusat sampai %2</translation>
        </message>
        <message>
            <source>%1: %2 (median %3)</source>
            <translation>%1: %2 (median %3)</translation>
        </message>
        <message>
            <source>Dimensions of %1 against the round median</source>
            <translation>Dimensi %1 dibandingkan median putaran</translation>
        </message>
        <message>
            <source>Dimensions against the round median</source>
            <translation>Dimensi dibandingkan median putaran</translation>
        </message>
        <message>
            <source>region</source>
            <translation>daerah</translation>
        </message>
        <message>
            <source>round median</source>
            <translation>median putaran</translation>
        </message>
        <message>
            <source>Choose a region with a panel score</source>
            <translation>Pilih daerah yang memiliki nilai panel</translation>
        </message>
    </context>
    <context>
        <name>ReopenDialog</name>
        <message>
            <source>Reason for reopening</source>
            <translation>Alasan membuka kembali</translation>
        </message>
        <message>
            <source>Reopen as a new version</source>
            <translation>Buka kembali sebagai versi baru</translation>
        </message>
        <message>
            <source>The finalized assessment of %1 stays as it is; a new draft version is made from it. Say why it is reopened: the reason is kept in the assessment's history.</source>
            <translation>Penilaian final untuk %1 tetap seperti adanya; versi draf baru dibuat darinya. Sebutkan alasan pembukaan kembali: alasan ini disimpan dalam riwayat penilaian.</translation>
        </message>
        <message>
            <source>Reason (required), e.g. the delegation sent the regulation afterwards</source>
            <translation>Alasan (wajib), mis. delegasi mengirim peraturan setelah wawancara</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Buka kembali</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Backups of this data directory</source>
            <translation>Cadangan direktori data ini</translation>
        </message>
        <message>
            <source>at start-up</source>
            <translation>saat program dimulai</translation>
        </message>
        <message>
            <source>after finalizing</source>
            <translation>setelah finalisasi</translation>
        </message>
        <message>
            <source>by hand</source>
            <translation>secara manual</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>sebelum pemulihan</translation>
        </message>
        <message>
            <source>damaged, set aside</source>
            <translation>rusak, disisihkan</translation>
        </message>
        <message>
            <source>before a program update</source>
            <translation>sebelum pembaruan program</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Pulihkan cadangan ini?</translation>
        </message>
        <message>
            <source>Nilai will close the data, put the backup from %1 in its place and open it again. Changes made since then will be gone; the database as it is now is kept in the backups folder, so restoring that copy brings them back.</source>
            <translation>Nilai akan menutup data, menggantinya dengan cadangan dari %1, lalu membukanya lagi. Perubahan sejak saat itu akan hilang; basis data yang sekarang disimpan di folder cadangan, jadi memulihkan salinan itu akan mengembalikannya.</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Pulihkan cadangan</translation>
        </message>
        <message>
            <source>Nilai keeps a copy of the data at every start and after every finalized assessment. Choose the copy to go back to.</source>
            <translation>Nilai menyimpan salinan data setiap kali program dimulai dan setiap kali penilaian difinalkan. Pilih salinan yang ingin dipulihkan.</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Dibuat</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ukuran</translation>
        </message>
        <message>
            <source>There is no backup in this data directory yet.</source>
            <translation>Belum ada cadangan di direktori data ini.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Pulihkan…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
    </context>
    <context>
        <name>RoundImport</name>
        <message>
            <source>Open the round package from your coordinator</source>
            <translation>Buka paket putaran dari koordinator Anda</translation>
        </message>
        <message>
            <source>Nilai round packages (*%1);;All files (*)</source>
            <translation>Paket putaran Nilai (*%1);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Round “%1” is already up to date.</source>
            <translation>Putaran “%1” sudah mutakhir.</translation>
        </message>
        <message>
            <source>This package (version %1) brings nothing new; nothing was changed.</source>
            <translation>Paket ini (versi %1) tidak membawa hal baru; tidak ada yang diubah.</translation>
        </message>
        <message>
            <source>Round “%1” is ready.</source>
            <translation>Putaran “%1” siap.</translation>
        </message>
        <message>
            <source>Round “%1” was updated.</source>
            <translation>Putaran “%1” diperbarui.</translation>
        </message>
        <message>
            <source>Package version %1: %2 interview slots, %3 of them on your panels.</source>
            <translation>Paket versi %1: %2 sesi wawancara, %3 di antaranya di panel Anda.</translation>
        </message>
        <message>
            <source>Slots added: %1 · moved or changed: %2 · removed: %3.</source>
            <translation>Sesi ditambahkan: %1 · dipindah atau diubah: %2 · dihapus: %3.</translation>
        </message>
        <message>
            <source>Scores already entered are never touched by a round package.</source>
            <translation>Nilai yang sudah dimasukkan tidak pernah diubah oleh paket putaran.</translation>
        </message>
        <message>
            <source>Signed by the coordinator certificate %1…</source>
            <translation>Ditandatangani dengan sertifikat koordinator %1…</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Tidak ada yang diubah.</translation>
        </message>
        <message>
            <source>Round package</source>
            <translation>Paket putaran</translation>
        </message>
        <message>
            <source>The round package was not taken in.</source>
            <translation>Paket putaran tidak dimasukkan.</translation>
        </message>
        <message>
            <source>Taking in the round package</source>
            <translation>Memasukkan paket putaran</translation>
        </message>
    </context>
    <context>
        <name>RoundPage</name>
        <message>
            <source>1 · Round</source>
            <translation>1 · Putaran</translation>
        </message>
        <message>
            <source>Name the round and choose its instrument. Each field is saved as soon as you leave it; Ctrl+Z takes the last change back.</source>
            <translation>Beri nama putaran dan pilih instrumennya. Setiap isian disimpan begitu Anda meninggalkannya; Ctrl+Z membatalkan perubahan terakhir.</translation>
        </message>
        <message>
            <source>e.g. Gerakan Menuju 100 Smart City 2026 — interviews</source>
            <translation>mis. Gerakan Menuju 100 Smart City 2026 — wawancara</translation>
        </message>
        <message>
            <source>e.g. Wawancara (interviews)</source>
            <translation>mis. Wawancara</translation>
        </message>
        <message>
            <source>e.g. 75, 50</source>
            <translation>mis. 75, 50</translation>
        </message>
        <message>
            <source>How many candidates each shortlist keeps, largest first</source>
            <translation>Berapa kandidat yang masuk setiap daftar pendek, yang terbesar dahulu</translation>
        </message>
        <message>
            <source>From a &amp;file…</source>
            <translation>&amp;Dari berkas…</translation>
        </message>
        <message>
            <source>Create the round</source>
            <translation>Buat putaran</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nama:</translation>
        </message>
        <message>
            <source>Pro&amp;gramme:</source>
            <translation>Pr&amp;ogram:</translation>
        </message>
        <message>
            <source>Stag&amp;e:</source>
            <translation>Ta&amp;hap:</translation>
        </message>
        <message>
            <source>Starts on:</source>
            <translation>Mulai:</translation>
        </message>
        <message>
            <source>Ends on:</source>
            <translation>Selesai:</translation>
        </message>
        <message>
            <source>Shortlist si&amp;zes:</source>
            <translation>Ukuran da&amp;ftar pendek:</translation>
        </message>
        <message>
            <source>Instru&amp;ment:</source>
            <translation>In&amp;strumen:</translation>
        </message>
        <message>
            <source>%1 (version %2, built in)</source>
            <translation>%1 (versi %2, bawaan)</translation>
        </message>
        <message>
            <source>An instrument written in an XLSForm-style workbook (.xlsx) or in YAML</source>
            <translation>Instrumen yang ditulis dalam buku kerja bergaya XLSForm (.xlsx) atau dalam YAML</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>Pratinjau…</translation>
        </message>
        <message>
            <source>The interview screen and the evaluation sheet with this instrument</source>
            <translation>Layar wawancara dan lembar evaluasi dengan instrumen ini</translation>
        </message>
        <message>
            <source>%1 (version %2, in this data directory)</source>
            <translation>%1 (versi %2, di direktori data ini)</translation>
        </message>
        <message>
            <source>Scoring has started: the instrument can no longer change</source>
            <translation>Penilaian sudah dimulai: instrumen tidak dapat diubah lagi</translation>
        </message>
        <message>
            <source>The instrument the assessors score with</source>
            <translation>Instrumen yang dipakai para penilai</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>belum dibuat</translation>
        </message>
        <message>
            <source>The round needs a name: type one in Name, then create it.</source>
            <translation>Putaran memerlukan nama: ketik di Nama, lalu buat.</translation>
        </message>
        <message>
            <source>Shortlist sizes are whole numbers separated by commas, e.g. 75, 50.</source>
            <translation>Ukuran daftar pendek berupa bilangan bulat yang dipisahkan koma, mis. 75, 50.</translation>
        </message>
        <message>
            <source>Round “%1” created: now add its candidates (Ctrl+2).</source>
            <translation>Putaran “%1” dibuat: sekarang tambahkan kandidatnya (Ctrl+2).</translation>
        </message>
        <message>
            <source>The round needs a name; the old one is kept.</source>
            <translation>Putaran memerlukan nama; nama lama tetap dipakai.</translation>
        </message>
        <message>
            <source>round name</source>
            <translation>nama putaran</translation>
        </message>
        <message>
            <source>programme</source>
            <translation>program</translation>
        </message>
        <message>
            <source>stage</source>
            <translation>tahap</translation>
        </message>
        <message>
            <source>first day</source>
            <translation>hari pertama</translation>
        </message>
        <message>
            <source>last day</source>
            <translation>hari terakhir</translation>
        </message>
        <message>
            <source>shortlist sizes</source>
            <translation>ukuran daftar pendek</translation>
        </message>
        <message>
            <source>instrument</source>
            <translation>instrumen</translation>
        </message>
        <message>
            <source>Open an instrument</source>
            <translation>Buka instrumen</translation>
        </message>
        <message>
            <source>Instruments (*.yaml *.yml *.xlsx);;All files (*)</source>
            <translation>Instrumen (*.yaml *.yml *.xlsx);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was read; the first: %3</source>
            <translation>%1: %2 masalah, tidak ada yang dibaca; yang pertama: %3</translation>
        </message>
        <message>
            <source>Instrument “%1” read from %2.</source>
            <translation>Instrumen “%1” dibaca dari %2.</translation>
        </message>
    </context>
    <context>
        <name>RubricLevels</name>
        <message>
            <source>needs a note</source>
            <translation>perlu catatan</translation>
        </message>
        <message>
            <source>needs evidence</source>
            <translation>perlu bukti dukung</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>Tingkat %1</translation>
        </message>
        <message>
            <source>Choose level %1 (key %1)</source>
            <translation>Pilih tingkat %1 (tombol %1)</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Tidak berlaku</translation>
        </message>
        <message>
            <source>This indicator does not apply to the region; it is left out of the score.</source>
            <translation>Indikator ini tidak berlaku bagi daerah ini dan tidak dihitung dalam nilai.</translation>
        </message>
        <message>
            <source>Mark as not applicable (key N or 0)</source>
            <translation>Tandai tidak berlaku (tombol N atau 0)</translation>
        </message>
        <message>
            <source>Rubric levels</source>
            <translation>Tingkat rubrik</translation>
        </message>
    </context>
    <context>
        <name>RuleNames</name>
        <message>
            <source>Mean</source>
            <translation>Rata-rata</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>Median</translation>
        </message>
        <message>
            <source>Trimmed mean</source>
            <translation>Rata-rata terpangkas</translation>
        </message>
        <message>
            <source>Adjusted for assessor severity</source>
            <translation>Disesuaikan dengan keketatan penilai</translation>
        </message>
    </context>
    <context>
        <name>ScheduleModel</name>
        <message>
            <source>Returned for revision by %1 on %2: %3</source>
            <translation>Dikembalikan untuk revisi oleh %1 pada %2: %3</translation>
        </message>
        <message>
            <source>In progress: being revised for the coordinator (returned by %1 on %2: %3)</source>
            <translation>Sedang dikerjakan: direvisi untuk koordinator (dikembalikan oleh %1 pada %2: %3)</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Waktu</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Kemajuan</translation>
        </message>
        <message>
            <source>%1 of %2 indicators scored</source>
            <translation>%1 dari %2 indikator sudah dinilai</translation>
        </message>
        <message>
            <source>%1 of %2 finalized</source>
            <translation>%1 dari %2 sudah final</translation>
        </message>
        <message>
            <source>Today — %1</source>
            <translation>Hari ini — %1</translation>
        </message>
        <message>
            <source>Next to do — %1</source>
            <translation>Berikutnya — %1</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>4 · Panels and schedule</source>
            <translation>4 · Panel dan jadwal</translation>
        </message>
        <message>
            <source>Lay out the days and panels, then generate: every candidate is interviewed once by a full panel, nobody sits on a candidate they have a conflict with, and assessors rotate between panels so that panels stay linked. Move slots with the mouse, or with Ctrl+arrow keys and Ctrl+X / Ctrl+V.</source>
            <translation>Atur hari dan panel, lalu buat jadwal: setiap kandidat diwawancarai sekali oleh panel lengkap, tak seorang pun menilai kandidat yang berkonflik dengannya, dan penilai berpindah antarpanel agar panel tetap terhubung. Pindahkan sesi dengan tetikus, atau dengan Ctrl+tombol panah dan Ctrl+X / Ctrl+V.</translation>
        </message>
        <message>
            <source>&amp;Generate the schedule</source>
            <translation>Buat jad&amp;wal</translation>
        </message>
        <message>
            <source>Seat assessors on this panel…</source>
            <translation>Atur penilai di panel ini…</translation>
        </message>
        <message>
            <source>Who sits on the panel of the selected slot that day (or double-click the panel's heading)</source>
            <translation>Siapa yang duduk di panel sesi terpilih pada hari itu (atau klik ganda judul panel)</translation>
        </message>
        <message>
            <source>Interview days</source>
            <translation>Hari wawancara</translation>
        </message>
        <message>
            <source>Interview slots</source>
            <translation>Sesi wawancara</translation>
        </message>
        <message>
            <source>Problems of the schedule</source>
            <translation>Masalah jadwal</translation>
        </message>
        <message>
            <source>not generated yet</source>
            <translation>belum dibuat</translation>
        </message>
        <message>
            <source>%1 slot(s)</source>
            <translation>%1 sesi</translation>
        </message>
        <message>
            <source>, ⚠ %1 problem(s)</source>
            <translation>, ⚠ %1 masalah</translation>
        </message>
        <message>
            <source>Day %1 · %2 · %3 slot(s)</source>
            <translation>Hari %1 · %2 · %3 sesi</translation>
        </message>
        <message>
            <source>No schedule yet: lay out the days and panels, then generate.</source>
            <translation>Belum ada jadwal: atur hari dan panel, lalu buat jadwal.</translation>
        </message>
        <message>
            <source>%1 problem(s) to solve (Enter on one shows its slot):</source>
            <translation>%1 masalah harus diselesaikan (Enter pada salah satunya menampilkan sesinya):</translation>
        </message>
        <message>
            <source>✓ No problems: every candidate once, full panels, no conflict.</source>
            <translation>✓ Tidak ada masalah: setiap kandidat sekali, panel lengkap, tanpa konflik.</translation>
        </message>
        <message>
            <source>Why it matters: the ranking can compare the severity of panels only through the assessors they share; panels with no chain of shared assessors cannot be compared fairly.</source>
            <translation>Mengapa penting: peringkat hanya dapat membandingkan kekerasan penilaian antarpanel melalui penilai yang sama; panel tanpa rantai penilai bersama tidak dapat dibandingkan secara adil.</translation>
        </message>
        <message>
            <source>All panels are connected through shared assessors.</source>
            <translation>Semua panel terhubung melalui penilai bersama.</translation>
        </message>
        <message>
            <source>⚠ The panels fall into %1 groups with no assessor in common.</source>
            <translation>⚠ Panel terbagi menjadi %1 kelompok tanpa penilai bersama.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Linked: %1% of panel pairs&lt;/b&gt; share an assessor. %2&lt;br&gt;%3</source>
            <translation>&lt;b&gt;Keterhubungan: %1% pasangan panel&lt;/b&gt; berbagi penilai. %2&lt;br&gt;%3</translation>
        </message>
        <message>
            <source>Breaks are written HH:MM-HH:MM, separated by semicolons, e.g. 12:00-13:00; 15:00-15:15.</source>
            <translation>Istirahat ditulis JJ:MM-JJ:MM, dipisahkan titik koma, mis. 12:00-13:00; 15:00-15:15.</translation>
        </message>
        <message>
            <source>days and panels</source>
            <translation>hari dan panel</translation>
        </message>
        <message>
            <source>Generating the schedule…</source>
            <translation>Membuat jadwal…</translation>
        </message>
        <message>
            <source>Generating the schedule</source>
            <translation>Membuat jadwal</translation>
        </message>
        <message>
            <source>generate the schedule</source>
            <translation>buat jadwal</translation>
        </message>
        <message>
            <source>Schedule generated: %1 slot(s), %2% of panel pairs linked.</source>
            <translation>Jadwal dibuat: %1 sesi, %2% pasangan panel terhubung.</translation>
        </message>
        <message>
            <source>No schedule fits: %1</source>
            <translation>Tidak ada jadwal yang memenuhi: %1</translation>
        </message>
        <message>
            <source>Choose a slot of the panel first (the panel has no slot that day).</source>
            <translation>Pilih dulu sesi panel tersebut (panel tidak punya sesi pada hari itu).</translation>
        </message>
        <message>
            <source>seat %1 on %2</source>
            <translation>dudukkan %1 di %2</translation>
        </message>
        <message>
            <source>move %1 to %2 %3</source>
            <translation>pindahkan %1 ke %2 %3</translation>
        </message>
        <message>
            <source>%1 cut: choose a cell (any day) and press Ctrl+V.</source>
            <translation>%1 dipotong: pilih sel (hari mana pun) lalu tekan Ctrl+V.</translation>
        </message>
        <message>
            <source> (at most %1 with %2 panels of %3 a day)</source>
            <translation> (paling tinggi %1 dengan %2 panel berisi %3 penilai sehari)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Linked: %1 of panel pairs&lt;/b&gt; share an assessor%2. %3&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</source>
            <translation>&lt;b&gt;Keterhubungan: %1 pasangan panel&lt;/b&gt; berbagi penilai%2. %3&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Load&lt;/b&gt;</source>
            <translation>&lt;b&gt;Beban&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Notes&lt;/b&gt;</source>
            <translation>&lt;b&gt;Catatan&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>ScheduleView</name>
        <message>
            <source>Calibration feedback…</source>
            <translation>Umpan balik kalibrasi…</translation>
        </message>
        <message>
            <source>Your levels on the calibration case beside the group median, from your coordinator's round package</source>
            <translation>Tingkat Anda pada kasus kalibrasi di samping median kelompok, dari paket putaran koordinator Anda</translation>
        </message>
        <message>
            <source>Calibration feedback</source>
            <translation>Umpan balik kalibrasi</translation>
        </message>
        <message>
            <source>Search by region name, code or province</source>
            <translation>Cari nama daerah, kode, atau provinsi</translation>
        </message>
        <message>
            <source>Search by region name, code or province (Ctrl+F)</source>
            <translation>Cari nama daerah, kode, atau provinsi (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search the schedule</source>
            <translation>Cari di jadwal</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Semua status</translation>
        </message>
        <message>
            <source>Work left (not finalized)</source>
            <translation>Belum selesai (belum final)</translation>
        </message>
        <message>
            <source>Show only interviews with this status</source>
            <translation>Tampilkan hanya wawancara dengan status ini</translation>
        </message>
        <message>
            <source>Open interview</source>
            <translation>Buka wawancara</translation>
        </message>
        <message>
            <source>Open the selected interview (Enter)</source>
            <translation>Buka wawancara yang dipilih (Enter)</translation>
        </message>
        <message>
            <source>There is no interview schedule in this data directory yet.

Import the round package from your coordinator (File → Open round package…), or try the program with a demo round (nilai demo).

Preparing a round as its coordinator? Coordinator → New round… (Ctrl+Shift+N).</source>
            <translation>Belum ada jadwal wawancara di direktori data ini.

Impor paket putaran dari koordinator Anda (Berkas → Buka paket putaran…), atau coba program ini dengan putaran contoh (nilai demo).

Menyiapkan putaran sebagai koordinator? Koordinator → Putaran baru… (Ctrl+Shift+N).</translation>
        </message>
        <message>
            <source>Loading the schedule</source>
            <translation>Memuat jadwal</translation>
        </message>
        <message>
            <source>You are not on any panel of this round, so every interview is shown.</source>
            <translation>Anda tidak tercatat di panel mana pun pada putaran ini, jadi semua wawancara ditampilkan.</translation>
        </message>
        <message>
            <source>The schedule could not be loaded: %1</source>
            <translation>Jadwal tidak dapat dimuat: %1</translation>
        </message>
        <message>
            <source>Status shown</source>
            <translation>Status yang ditampilkan</translation>
        </message>
        <message>
            <source>Interview schedule</source>
            <translation>Jadwal wawancara</translation>
        </message>
    </context>
    <context>
        <name>ScoreHistogram</name>
        <message>
            <source>adjusted for assessor severity, some scores lie outside 0–100</source>
            <translation>disesuaikan dengan keketatan penilai, sebagian skor berada di luar 0–100</translation>
        </message>
        <message>
            <source>Distribution of panel scores</source>
            <translation>Sebaran nilai panel</translation>
        </message>
        <message>
            <source>top %1 from %2</source>
            <translation>%1 teratas mulai %2</translation>
        </message>
        <message>
            <source>No region has a panel score yet</source>
            <translation>Belum ada daerah yang memiliki nilai panel</translation>
        </message>
        <message>
            <source>panel score (regions per 5 points)</source>
            <translation>nilai panel (jumlah daerah per 5 poin)</translation>
        </message>
    </context>
    <context>
        <name>SeatDialog</name>
        <message>
            <source>Seat assessors</source>
            <translation>Atur penilai</translation>
        </message>
        <message>
            <source>Who sits on %1? The panel has %2 seat(s).</source>
            <translation>Siapa yang duduk di %1? Panel ini memiliki %2 kursi.</translation>
        </message>
        <message>
            <source>Assessors of the round</source>
            <translation>Penilai putaran ini</translation>
        </message>
        <message>
            <source>Space ticks or unticks the assessor under the cursor.</source>
            <translation>Spasi mencentang atau melepas centang penilai di kursor.</translation>
        </message>
    </context>
    <context>
        <name>SetupHistory</name>
        <message>
            <source>Saved: %1</source>
            <translation>Tersimpan: %1</translation>
        </message>
        <message>
            <source>Could not undo or redo “%1”: %2</source>
            <translation>Tidak dapat mengurungkan atau mengulangi “%1”: %2</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>Diurungkan: %1</translation>
        </message>
        <message>
            <source>Redone: %1</source>
            <translation>Diulangi: %1</translation>
        </message>
        <message>
            <source>Every one of these regions is already a candidate.</source>
            <translation>Semua daerah ini sudah menjadi kandidat.</translation>
        </message>
    </context>
    <context>
        <name>SetupWorkspace</name>
        <message>
            <source>&amp;Round</source>
            <translation>Put&amp;aran</translation>
        </message>
        <message>
            <source>&amp;Candidates</source>
            <translation>&amp;Kandidat</translation>
        </message>
        <message>
            <source>A&amp;ssessors</source>
            <translation>Peni&amp;lai</translation>
        </message>
        <message>
            <source>&amp;Panels and schedule</source>
            <translation>Panel dan &amp;jadwal</translation>
        </message>
        <message>
            <source>Hand &amp;out</source>
            <translation>&amp;Bagikan</translation>
        </message>
        <message>
            <source>Steps of the round setup</source>
            <translation>Langkah persiapan putaran</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
        <message>
            <source>Ne&amp;w round…</source>
            <translation>Putaran bar&amp;u…</translation>
        </message>
        <message>
            <source>Every change is saved as you make it.</source>
            <translation>Setiap perubahan langsung tersimpan.</translation>
        </message>
        <message>
            <source>Create the round first (step 1).</source>
            <translation>Buat putaran terlebih dahulu (langkah 1).</translation>
        </message>
        <message>
            <source>%1 (Ctrl+%2 or Alt+%3)</source>
            <translation>%1 (Ctrl+%2 atau Alt+%3)</translation>
        </message>
        <message>
            <source>Undo: %1 (Ctrl+Z)</source>
            <translation>Urungkan: %1 (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>Tidak ada yang dapat diurungkan</translation>
        </message>
        <message>
            <source>Redo: %1 (Ctrl+Shift+Z)</source>
            <translation>Ulangi: %1 (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation>Tidak ada yang dapat diulangi</translation>
        </message>
    </context>
    <context>
        <name>SeverityModel</name>
        <message>
            <source>Assessor</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Panels</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Daerah</translation>
        </message>
        <message>
            <source>Severity (points ± SE)</source>
            <translation>Keketatan (poin ± SE)</translation>
        </message>
        <message>
            <source>Severity (levels)</source>
            <translation>Keketatan (tingkat)</translation>
        </message>
        <message>
            <source>Fit (mean square)</source>
            <translation>Kecocokan (rerata kuadrat)</translation>
        </message>
        <message>
            <source>Spread across indicators</source>
            <translation>Sebaran antarindikator</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Tanda</translation>
        </message>
        <message>
            <source>erratic: levels the model does not explain</source>
            <translation>tak menentu: tingkat yang tidak dijelaskan model</translation>
        </message>
        <message>
            <source>halo: nearly the same level everywhere</source>
            <translation>halo: hampir sama tingkatnya di mana-mana</translation>
        </message>
        <message>
            <source>fits</source>
            <translation>sesuai</translation>
        </message>
        <message>
            <source>Positive: this assessor scores lower than the average assessor on the same work (stricter); negative: higher (more lenient). Points on the 0-100 scale, with the standard error; the adjusted rule adds the severity back to each of their levels</source>
            <translation>Positif: penilai ini memberi nilai lebih rendah daripada penilai rata-rata untuk pekerjaan yang sama (lebih ketat); negatif: lebih tinggi (lebih longgar). Poin pada skala 0-100, dengan galat baku; aturan yang disesuaikan menambahkan keketatan itu kembali ke setiap tingkatnya</translation>
        </message>
        <message>
            <source>The severity in rubric levels (points × the indicators' span / 100)</source>
            <translation>Keketatan dalam tingkat rubrik (poin × rentang indikator / 100)</translation>
        </message>
        <message>
            <source>The mean squared standardised residual: near 1 when the model explains this assessor as well as the others; above 1.5 erratic, below 0.5 too predictable</source>
            <translation>Rerata kuadrat residu baku: mendekati 1 bila model menjelaskan penilai ini sebaik penilai lain; di atas 1,5 tak menentu, di bawah 0,5 terlalu mudah ditebak</translation>
        </message>
        <message>
            <source>How much the assessor's levels vary across indicators within one region, relative to the median assessor; below 0.5: halo</source>
            <translation>Seberapa beragam tingkat penilai antarindikator dalam satu daerah, dibandingkan penilai median; di bawah 0,5: halo</translation>
        </message>
    </context>
    <context>
        <name>SeverityTab</name>
        <message>
            <source>Ranked adjusted for these severities instead of by the raw mean: %1 (Ranking tab, rule &lt;i&gt;Adjusted for assessor severity&lt;/i&gt;).</source>
            <translation>Bila diperingkat dengan penyesuaian keketatan ini, bukan dengan rata-rata asli: %1 (tab Peringkat, aturan &lt;i&gt;Disesuaikan dengan keketatan penilai&lt;/i&gt;).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Assessor severity&lt;/b&gt; — estimating…</source>
            <translation>&lt;b&gt;Keketatan penilai&lt;/b&gt; — sedang diperkirakan…</translation>
        </message>
        <message>
            <source>About the severities</source>
            <translation>Tentang keketatan</translation>
        </message>
        <message>
            <source>Why the severities cannot be estimated</source>
            <translation>Mengapa keketatan tidak dapat diperkirakan</translation>
        </message>
        <message>
            <source>Assessor severities</source>
            <translation>Keketatan penilai</translation>
        </message>
        <message>
            <source>&lt;b&gt;Assessor severity&lt;/b&gt; — cannot be estimated for this round.</source>
            <translation>&lt;b&gt;Keketatan penilai&lt;/b&gt; — tidak dapat diperkirakan untuk putaran ini.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Assessor severity&lt;/b&gt; — how much lower (+, stricter) or higher (−, more lenient) each assessor scores than the average assessor on the same work, estimated from the regions assessors scored in common (%1 levels, residual SD %2 points). The rule &lt;i&gt;adjusted for assessor severity&lt;/i&gt; adds each severity back to that assessor's levels. %3 of %4 assessor(s) flagged.</source>
            <translation>&lt;b&gt;Keketatan penilai&lt;/b&gt; — seberapa lebih rendah (+, lebih ketat) atau lebih tinggi (−, lebih longgar) tiap penilai memberi nilai dibandingkan penilai rata-rata untuk pekerjaan yang sama, diperkirakan dari daerah yang dinilai bersama oleh para penilai (%1 tingkat, SD residu %2 poin). Aturan &lt;i&gt;disesuaikan dengan keketatan penilai&lt;/i&gt; menambahkan tiap keketatan kembali ke tingkat penilai itu. %3 dari %4 penilai ditandai.</translation>
        </message>
    </context>
    <context>
        <name>SheetActions</name>
        <message>
            <source>Signing needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Penandatanganan memerlukan identitas penanda tangan Anda (kunci dan sertifikatnya), dan komputer ini belum memilikinya. Buat dari profil Anda di sini, atau impor berkas .p12 dari instansi Anda (tab “Impor .p12”).</translation>
        </message>
        <message>
            <source>Assessor identity…</source>
            <translation>Identitas penilai…</translation>
        </message>
        <message>
            <source>Your signing key and certificate: create, import, export, passphrase</source>
            <translation>Kunci dan sertifikat penanda tangan Anda: buat, impor, ekspor, frasa sandi</translation>
        </message>
        <message>
            <source>Export signed sheets…</source>
            <translation>Ekspor lembar bertanda tangan…</translation>
        </message>
        <message>
            <source>Sign the sheets of finalized assessments and save them in a folder</source>
            <translation>Tanda tangani lembar penilaian yang sudah final dan simpan di folder</translation>
        </message>
        <message>
            <source>Verify sheets…</source>
            <translation>Verifikasi lembar…</translation>
        </message>
        <message>
            <source>Check the signatures of PDF sheets</source>
            <translation>Periksa tanda tangan pada lembar PDF</translation>
        </message>
        <message>
            <source>Shee&amp;ts</source>
            <translation>&amp;Lembar</translation>
        </message>
        <message>
            <source>Sign this assessment's sheet.</source>
            <translation>Tanda tangani lembar penilaian ini.</translation>
        </message>
        <message>
            <source>Signing the sheet</source>
            <translation>Menandatangani lembar</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Pintasan papan ketik</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Perintah</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tombol</translation>
        </message>
    </context>
    <context>
        <name>SignatureCanvas</name>
        <message>
            <source>Signature pad</source>
            <translation>Bidang tanda tangan</translation>
        </message>
        <message>
            <source>Sign above the line</source>
            <translation>Tanda tangani di atas garis</translation>
        </message>
    </context>
    <context>
        <name>SignaturePadDialog</name>
        <message>
            <source>Handwritten signature</source>
            <translation>Tanda tangan tulisan tangan</translation>
        </message>
        <message>
            <source>Draw your signature with the mouse, a pen or a finger. It is shown behind the text of the electronic signature on the sheets you sign from now on.</source>
            <translation>Gambar tanda tangan Anda dengan tetikus, pena, atau jari. Tanda tangan ini tampil di balik teks tanda tangan elektronik pada lembar yang Anda tanda tangani mulai sekarang.</translation>
        </message>
        <message>
            <source>Saved signature:</source>
            <translation>Tanda tangan tersimpan:</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>&amp;Bersihkan</translation>
        </message>
        <message>
            <source>&amp;Remove saved signature</source>
            <translation>&amp;Hapus tanda tangan tersimpan</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>The signature could not be saved: %1</source>
            <translation>Tanda tangan tidak dapat disimpan: %1</translation>
        </message>
        <message>
            <source>Saved. Sheets you sign from now on show this signature.</source>
            <translation>Tersimpan. Lembar yang Anda tanda tangani mulai sekarang menampilkan tanda tangan ini.</translation>
        </message>
        <message>
            <source>The saved signature was removed; sheets show the text only.</source>
            <translation>Tanda tangan tersimpan dihapus; lembar hanya menampilkan teks.</translation>
        </message>
    </context>
    <context>
        <name>SlotGridModel</name>
        <message>
            <source>Room %1</source>
            <translation>Ruang %1</translation>
        </message>
        <message>
            <source>Seated: %1</source>
            <translation>Anggota: %1</translation>
        </message>
        <message>
            <source>break</source>
            <translation>istirahat</translation>
        </message>
        <message>
            <source>Assessors: %1</source>
            <translation>Penilai: %1</translation>
        </message>
        <message>
            <source>%1 %2, %3 min · %4 · %5</source>
            <translation>%1 %2, %3 menit · %4 · %5</translation>
        </message>
    </context>
    <context>
        <name>StartingWindow</name>
        <message>
            <source>Opening your data…</source>
            <translation>Membuka data Anda…</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Returned for revision</source>
            <translation>Dikembalikan untuk revisi</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Belum dimulai</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>Sedang berjalan</translation>
        </message>
        <message>
            <source>Finalized</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Ditandatangani</translation>
        </message>
    </context>
    <context>
        <name>StoreUnlockDialog</name>
        <message>
            <source>Open the encrypted data</source>
            <translation>Buka data terenkripsi</translation>
        </message>
        <message>
            <source>The assessment data in %1 is encrypted. Enter the assessor's passphrase (the one of the signing key) to open it.</source>
            <translation>Data penilaian di %1 terenkripsi. Masukkan frasa sandi penilai (frasa sandi kunci penanda tangan) untuk membukanya.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frasa sandi</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Masalah</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Buka</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Keluar</translation>
        </message>
        <message>
            <source>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again. Nothing was opened or changed.</source>
            <translation>Frasa sandi itu salah. Periksa Caps Lock dan tata letak papan ketik, lalu coba lagi. Tidak ada yang dibuka atau diubah.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPanel</name>
        <message>
            <source>Weighted total (0–100)</source>
            <translation>Total tertimbang (0–100)</translation>
        </message>
        <message>
            <source>Weighted mean of the dimension subscores; indicators not scored yet or not applicable are left out.</source>
            <translation>Rata-rata tertimbang nilai dimensi; indikator yang belum dinilai atau tidak berlaku tidak dihitung.</translation>
        </message>
        <message>
            <source>%1 of %2 indicators scored</source>
            <translation>%1 dari %2 indikator sudah dinilai</translation>
        </message>
        <message numerus="yes">
            <source>%n required indicator(s) still without a level</source>
            <translation>
                <numerusform>%n indikator wajib belum bertingkat</numerusform>
            </translation>
        </message>
        <message>
            <source>Every required indicator has a level.</source>
            <translation>Semua indikator wajib sudah bertingkat.</translation>
        </message>
        <message>
            <source>Weight %1% of the total</source>
            <translation>Bobot %1% dari total</translation>
        </message>
        <message>
            <source>Indicators scored in this dimension</source>
            <translation>Indikator yang sudah dinilai dalam dimensi ini</translation>
        </message>
    </context>
    <context>
        <name>SyncNow</name>
        <message>
            <source>%1 assessment(s) returned to you for revision: see the schedule.</source>
            <translation>%1 penilaian dikembalikan kepada Anda untuk revisi: lihat jadwal.</translation>
        </message>
        <message>
            <source>Nothing to send: every finalized and signed assessment has reached the coordinator.</source>
            <translation>Tidak ada yang perlu dikirim: semua penilaian final dan bertanda tangan sudah sampai ke koordinator.</translation>
        </message>
        <message>
            <source>sign the bundle sent to the coordinator's sync service</source>
            <translation>menandatangani paket yang dikirim ke layanan sinkronisasi koordinator</translation>
        </message>
        <message>
            <source>Sending finalized assessments to the sync service</source>
            <translation>Mengirim penilaian final ke layanan sinkronisasi</translation>
        </message>
        <message>
            <source>Sync: %1 version(s) taken in by the coordinator.</source>
            <translation>Sinkronisasi: %1 versi diterima koordinator.</translation>
        </message>
        <message>
            <source>Sync: %1 version(s) taken in, %2 still queued (%3)</source>
            <translation>Sinkronisasi: %1 versi diterima, %2 masih dalam antrean (%3)</translation>
        </message>
        <message>
            <source>Sync failed; everything stays queued: %1</source>
            <translation>Sinkronisasi gagal; semuanya tetap dalam antrean: %1</translation>
        </message>
        <message>
            <source>Sync: another sync is running on this laptop (automatic sync or nilai sync); it sends what is queued.</source>
            <translation>Sinkronisasi: sinkronisasi lain sedang berjalan di laptop ini (sinkronisasi otomatis atau nilai sync); itulah yang mengirim antrean.</translation>
        </message>
    </context>
    <context>
        <name>UnknownCertificatesModel</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Instansi</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint</source>
            <translation>Sidik jari SHA-256</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Paket</translation>
        </message>
        <message>
            <source>Known here with</source>
            <translation>Dikenal di sini dengan</translation>
        </message>
        <message>
            <source>nobody (a new assessor)</source>
            <translation>tidak ada (penilai baru)</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Open signed sheets</source>
            <translation>Buka lembar bertanda tangan</translation>
        </message>
        <message>
            <source>PDF files (*.pdf);;All files (*)</source>
            <translation>Berkas PDF (*.pdf);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Verify signed sheets</source>
            <translation>Verifikasi lembar bertanda tangan</translation>
        </message>
        <message>
            <source>Open signed PDF sheets, or drop them here. A sheet is valid when it is intact and its signature covers the whole file.</source>
            <translation>Buka lembar PDF bertanda tangan, atau tarik ke sini. Lembar sah bila utuh dan tanda tangannya mencakup seluruh berkas.</translation>
        </message>
        <message>
            <source>&amp;Open PDFs…</source>
            <translation>&amp;Buka PDF…</translation>
        </message>
        <message>
            <source>&amp;Trust this certificate</source>
            <translation>&amp;Percayai sertifikat ini</translation>
        </message>
        <message>
            <source>Trust the signer of the selected sheet on this computer</source>
            <translation>Percayai penanda tangan lembar terpilih di komputer ini</translation>
        </message>
        <message>
            <source>C&amp;lear list</source>
            <translation>&amp;Kosongkan daftar</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Memeriksa…</translation>
        </message>
        <message>
            <source>Verifying sheets</source>
            <translation>Memverifikasi lembar</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) checked</source>
            <translation>
                <numerusform>%n berkas diperiksa</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 valid, %2 not valid, %3 from a trusted signer.</source>
            <translation>%1 sah, %2 tidak sah, %3 dari penanda tangan tepercaya.</translation>
        </message>
        <message>
            <source>The sheets could not be checked: %1</source>
            <translation>Lembar tidak dapat diperiksa: %1</translation>
        </message>
        <message>
            <source>Signer: %1</source>
            <translation>Penanda tangan: %1</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256): %1</source>
            <translation>Sidik jari sertifikat (SHA-256): %1</translation>
        </message>
        <message>
            <source>Problem: %1</source>
            <translation>Masalah: %1</translation>
        </message>
        <message>
            <source>Trust this certificate?</source>
            <translation>Percayai sertifikat ini?</translation>
        </message>
        <message>
            <source>Trust the certificate of %1 on this computer?

Compare this fingerprint with the one the assessor gives you (in person or by phone):
%2</source>
            <translation>Percayai sertifikat %1 di komputer ini?

Bandingkan sidik jari ini dengan yang diberikan penilai (langsung atau lewat telepon):
%2</translation>
        </message>
        <message>
            <source>Sheets checked</source>
            <translation>Lembar yang diperiksa</translation>
        </message>
    </context>
    <context>
        <name>VerifyResultsModel</name>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Sidik jari</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Signed at</source>
            <translation>Waktu tanda tangan</translation>
        </message>
        <message>
            <source>Intact</source>
            <translation>Utuh</translation>
        </message>
        <message>
            <source>Whole file</source>
            <translation>Seluruh berkas</translation>
        </message>
        <message>
            <source>Trusted</source>
            <translation>Tepercaya</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ya</translation>
        </message>
        <message>
            <source>no</source>
            <translation>tidak</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>sah</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>tidak sah</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Nilai</source>
            <translation>Selamat datang di Nilai</translation>
        </message>
        <message>
            <source>Welcome, %1</source>
            <translation>Selamat datang, %1</translation>
        </message>
        <message>
            <source>Two things before the first interview. Both can wait: the menus offer them any time.</source>
            <translation>Dua hal sebelum wawancara pertama. Keduanya boleh ditunda: menu menyediakannya kapan saja.</translation>
        </message>
        <message>
            <source>1. Your signing key</source>
            <translation>1. Kunci penanda tangan Anda</translation>
        </message>
        <message>
            <source>2. Your round</source>
            <translation>2. Putaran Anda</translation>
        </message>
        <message>
            <source>Load the demo round</source>
            <translation>Muat putaran contoh</translation>
        </message>
        <message>
            <source>The 2018 second stage: 116 regencies and cities, three panels, six simulated assessors. Try everything without real data.</source>
            <translation>Tahap II tahun 2018: 116 kabupaten dan kota, tiga panel, enam penilai simulasi. Coba semua fitur tanpa data sungguhan.</translation>
        </message>
        <message>
            <source>Import a round file from my coordinator…</source>
            <translation>Impor berkas putaran dari koordinator saya…</translation>
        </message>
        <message>
            <source>The round package your coordinator sent (.nilairound): the instrument and your interview schedule.</source>
            <translation>Paket putaran yang dikirim koordinator Anda (.nilairound): instrumen dan jadwal wawancara Anda.</translation>
        </message>
        <message>
            <source>Prepare a new round (coordinator)</source>
            <translation>Siapkan putaran baru (koordinator)</translation>
        </message>
        <message>
            <source>Choose the instrument, the candidates and the assessors, generate the interview schedule and hand out the round package.</source>
            <translation>Pilih instrumen, kandidat, dan penilai, buat jadwal wawancara, lalu bagikan paket putaran.</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Nanti saja</translation>
        </message>
        <message>
            <source>Start with an empty schedule. File → Open round package… takes the round in any time.</source>
            <translation>Mulai dengan jadwal kosong; putaran dapat dimasukkan kapan saja lewat Berkas → Buka paket putaran…</translation>
        </message>
        <message>
            <source>Round setup is open: name the round and choose its instrument.</source>
            <translation>Persiapan putaran terbuka: beri nama putaran dan pilih instrumennya.</translation>
        </message>
        <message>
            <source>You sign evaluation sheets and result bundles with a key of your own. It is made on this computer and protected by a passphrase you choose. This can also wait: Sheets → Assessor identity.</source>
            <translation>Anda menandatangani lembar penilaian dan paket hasil dengan kunci milik Anda sendiri. Kunci dibuat di komputer ini dan dilindungi frasa sandi pilihan Anda. Ini juga boleh ditunda: Lembar → Identitas penilai.</translation>
        </message>
        <message>
            <source>&amp;Create signing key…</source>
            <translation>&amp;Buat kunci penanda tangan…</translation>
        </message>
        <message>
            <source>Your signing key is ready (certificate %1…).</source>
            <translation>Kunci penanda tangan Anda sudah siap (sertifikat %1…).</translation>
        </message>
        <message>
            <source>&amp;Show signing key…</source>
            <translation>&amp;Lihat kunci penanda tangan…</translation>
        </message>
        <message>
            <source>Building the demo round…</source>
            <translation>Membuat putaran contoh…</translation>
        </message>
        <message>
            <source>Building the demo round</source>
            <translation>Membuat putaran contoh</translation>
        </message>
        <message>
            <source>Demo round loaded: %1 regions, %2 interview slots, %3 assessments of the simulated assessors.</source>
            <translation>Putaran contoh dimuat: %1 daerah, %2 sesi wawancara, %3 penilaian dari para penilai simulasi.</translation>
        </message>
        <message>
            <source>The demo round could not be built: %1</source>
            <translation>Putaran contoh tidak dapat dibuat: %1</translation>
        </message>
        <message>
            <source>Taking in %1…</source>
            <translation>Memasukkan %1…</translation>
        </message>
        <message>
            <source>The round package was not taken in.</source>
            <translation>Paket putaran tidak dimasukkan.</translation>
        </message>
    </context>
    <context>
        <name>SetupWords</name>
        <message>
            <source>%1 %2 already has %3 assessment(s) in this round; nothing was removed. To remove it anyway, tick “also when scored”: its scores then no longer count.</source>
            <translation>%1 %2 sudah memiliki %3 penilaian di putaran ini; tidak ada yang dihapus. Untuk tetap menghapusnya, centang “juga bila sudah dinilai”: nilainya lalu tidak dihitung lagi.</translation>
        </message>
        <message>
            <source>%1 is not a calibration case of this round; nothing was removed.</source>
            <translation>%1 bukan kasus kalibrasi putaran ini; tidak ada yang dihapus.</translation>
        </message>
        <message>
            <source>A calibration case needs a name, e.g. “Kota Contoh”.</source>
            <translation>Kasus kalibrasi memerlukan nama, mis. “Kota Contoh”.</translation>
        </message>
        <message>
            <source>A calibration case's name has at most 100 characters; shorten it.</source>
            <translation>Nama kasus kalibrasi paling banyak 100 karakter; persingkat.</translation>
        </message>
        <message>
            <source>This round already has a calibration case named “%1” (%2); choose another name.</source>
            <translation>Putaran ini sudah memiliki kasus kalibrasi bernama “%1” (%2); pilih nama lain.</translation>
        </message>
        <message>
            <source>A day is listed twice in the schedule; list each interview day once.</source>
            <translation>Ada hari yang tercantum dua kali dalam jadwal; cantumkan setiap hari wawancara sekali saja.</translation>
        </message>
        <message>
            <source>The day ends (%1) before it starts (%2); correct the hours.</source>
            <translation>Hari berakhir (%1) sebelum dimulai (%2); perbaiki jamnya.</translation>
        </message>
        <message>
            <source>An interview of %1 minutes is outside 5 to 480; give a slot length such as 30.</source>
            <translation>Wawancara %1 menit berada di luar 5 sampai 480; berikan panjang slot seperti 30.</translation>
        </message>
        <message>
            <source>The break %1–%2 ends before it starts; correct it.</source>
            <translation>Istirahat %1–%2 berakhir sebelum dimulai; perbaiki.</translation>
        </message>
        <message>
            <source>The break %1–%2 is outside the day (%3–%4); move it or widen the day.</source>
            <translation>Istirahat %1–%2 berada di luar hari (%3–%4); pindahkan atau perpanjang harinya.</translation>
        </message>
        <message>
            <source>The break at %1 overlaps the one before it; merge them into one.</source>
            <translation>Istirahat pukul %1 bertumpang tindih dengan istirahat sebelumnya; gabungkan menjadi satu.</translation>
        </message>
        <message>
            <source>%1 panels: give between 1 and 50.</source>
            <translation>%1 panel: berikan antara 1 dan 50.</translation>
        </message>
        <message>
            <source>%1 assessors per panel: give between 1 and 20.</source>
            <translation>%1 penilai per panel: berikan antara 1 dan 20.</translation>
        </message>
        <message>
            <source>%1 rooms for %2 panels; give one room per panel at most.</source>
            <translation>%1 ruang untuk %2 panel; berikan paling banyak satu ruang per panel.</translation>
        </message>
        <message>
            <source>A room name cannot contain “;”; rename the room.</source>
            <translation>Nama ruang tidak boleh berisi “;”; ganti nama ruangnya.</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was imported; the first: %3</source>
            <translation>%1: %2 masalah, tidak ada yang diimpor; yang pertama: %3</translation>
        </message>
        <message>
            <source>A round named “%1” already exists here; choose another name.</source>
            <translation>Sudah ada putaran bernama “%1” di sini; pilih nama lain.</translation>
        </message>
        <message>
            <source>The round needs a name, e.g. “Gerakan Menuju 100 Smart City 2019”.</source>
            <translation>Putaran memerlukan nama, mis. “Gerakan Menuju 100 Smart City 2019”.</translation>
        </message>
        <message>
            <source>The round name is %1 characters long; shorten it to at most 200.</source>
            <translation>Nama putaran sepanjang %1 karakter; persingkat menjadi paling banyak 200.</translation>
        </message>
        <message>
            <source>The round ends (%1) before it starts (%2); swap or correct the dates.</source>
            <translation>Putaran berakhir (%1) sebelum dimulai (%2); tukar atau perbaiki tanggalnya.</translation>
        </message>
        <message>
            <source>No instrument with hash %1 is built in or stored here; import the instrument first.</source>
            <translation>Tidak ada instrumen dengan hash %1 yang bawaan atau tersimpan di sini; impor instrumennya terlebih dahulu.</translation>
        </message>
        <message>
            <source>Scoring has started in this round, so its instrument can no longer change; start a new round for another instrument.</source>
            <translation>Penilaian sudah dimulai dalam putaran ini, jadi instrumennya tidak dapat diubah lagi; mulai putaran baru untuk instrumen lain.</translation>
        </message>
        <message>
            <source>%1 already has assessments in this round, so it stays a candidate; nothing was removed.</source>
            <translation>%1 sudah memiliki penilaian dalam putaran ini, jadi tetap menjadi kandidat; tidak ada yang dihapus.</translation>
        </message>
        <message>
            <source>%1 is not a candidate of this round; add it first.</source>
            <translation>%1 bukan kandidat putaran ini; tambahkan terlebih dahulu.</translation>
        </message>
        <message>
            <source>No regency or city has the BPS code %1; check the codes.</source>
            <translation>Tidak ada kabupaten atau kota dengan kode BPS %1; periksa kodenya.</translation>
        </message>
        <message>
            <source>%1 already has assessments in this round, so they stay in it.</source>
            <translation>%1 sudah memiliki penilaian dalam putaran ini, jadi tetap berada di dalamnya.</translation>
        </message>
        <message>
            <source>An assessor needs a name.</source>
            <translation>Penilai memerlukan nama.</translation>
        </message>
        <message>
            <source>NIP “%1” has characters other than digits; write the civil-servant number only.</source>
            <translation>NIP “%1” berisi karakter selain angka; tulis nomor induk pegawai saja.</translation>
        </message>
        <message>
            <source>NIP %1 already belongs to %2; check the number.</source>
            <translation>NIP %1 sudah dimiliki %2; periksa nomornya.</translation>
        </message>
        <message>
            <source>“%1” is not a province code; choose the province from the list.</source>
            <translation>“%1” bukan kode provinsi; pilih provinsi dari daftar.</translation>
        </message>
        <message>
            <source>No regency or city has the BPS code %1; check the code.</source>
            <translation>Tidak ada kabupaten atau kota dengan kode BPS %1; periksa kodenya.</translation>
        </message>
        <message>
            <source>%1 is not in %2; correct the province or the regency/city.</source>
            <translation>%1 tidak berada di %2; perbaiki provinsi atau kabupaten/kotanya.</translation>
        </message>
        <message>
            <source>Conflict with %1: no regency or city has this BPS code.</source>
            <translation>Konflik dengan %1: tidak ada kabupaten atau kota dengan kode BPS ini.</translation>
        </message>
        <message>
            <source>%1: no such file; check the path.</source>
            <translation>%1: berkas tidak ada; periksa lokasinya.</translation>
        </message>
        <message>
            <source>%1: not a spreadsheet Nilai reads; save it as .xlsx or .csv.</source>
            <translation>%1: bukan lembar kerja yang dapat dibaca Nilai; simpan sebagai .xlsx atau .csv.</translation>
        </message>
        <message>
            <source>%1: cannot be read as an XLSX workbook; save it again from the spreadsheet program as .xlsx.</source>
            <translation>%1: tidak dapat dibaca sebagai buku kerja XLSX; simpan ulang dari program lembar kerja sebagai .xlsx.</translation>
        </message>
    </context>
    <context>
        <name>CalibrationFeedbackDialog</name>
        <message>
            <source>Calibration feedback — %1</source>
            <translation>Umpan balik kalibrasi — %1</translation>
        </message>
        <message>
            <source>Before the real interviews every assessor scored the same calibration case. Beside each of your levels is the median level of the group (%1 assessors). A level far from the median is worth a second look at the rubric; it is not a mark against you.</source>
            <translation>Sebelum wawancara sebenarnya, setiap penilai menilai kasus kalibrasi yang sama. Di samping setiap tingkat Anda ada median tingkat kelompok (%1 penilai). Tingkat yang jauh dari median layak dicocokkan lagi dengan rubrik; itu bukan nilai buruk bagi Anda.</translation>
        </message>
        <message>
            <source>Calibration case</source>
            <translation>Kasus kalibrasi</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Your level</source>
            <translation>Tingkat Anda</translation>
        </message>
        <message>
            <source>Group median</source>
            <translation>Median kelompok</translation>
        </message>
        <message>
            <source>Where you sat</source>
            <translation>Posisi Anda</translation>
        </message>
        <message>
            <source>Your levels beside the group median</source>
            <translation>Tingkat Anda di samping median kelompok</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>belum dinilai</translation>
        </message>
        <message>
            <source>no group median</source>
            <translation>tidak ada median kelompok</translation>
        </message>
        <message>
            <source>the same as the group</source>
            <translation>sama dengan kelompok</translation>
        </message>
        <message>
            <source>you sat higher by %1</source>
            <translation>Anda %1 tingkat lebih tinggi</translation>
        </message>
        <message>
            <source>you sat lower by %1</source>
            <translation>Anda %1 tingkat lebih rendah</translation>
        </message>
    </context>
    <context>
        <name>CalibrationBox</name>
        <message>
            <source>Removed: calibration case %1 %2</source>
            <translation>Dihapus: kasus kalibrasi %1 %2</translation>
        </message>
        <message>
            <source>Case:</source>
            <translation>Kasus:</translation>
        </message>
        <message>
            <source>Take the chosen calibration case out of the round</source>
            <translation>Keluarkan kasus kalibrasi yang dipilih dari putaran</translation>
        </message>
        <message>
            <source>Remove case</source>
            <translation>Hapus kasus</translation>
        </message>
        <message>
            <source>Remove the case even though assessors scored it: their assessments stay in the store but no longer count (nor link the panels)</source>
            <translation>Hapus kasus walaupun penilai sudah menilainya: penilaian mereka tetap tersimpan tetapi tidak dihitung lagi (dan tidak lagi menghubungkan panel)</translation>
        </message>
        <message>
            <source>also when scored</source>
            <translation>juga bila sudah dinilai</translation>
        </message>
        <message>
            <source>Calibration case to remove</source>
            <translation>Kasus kalibrasi yang akan dihapus</translation>
        </message>
        <message>
            <source>Calibration cases (never ranked)</source>
            <translation>Kasus kalibrasi (tidak pernah diperingkat)</translation>
        </message>
        <message>
            <source>Calibration cases of the round</source>
            <translation>Kasus kalibrasi putaran ini</translation>
        </message>
        <message>
            <source>A fictional region, e.g. Kota Contoh</source>
            <translation>Daerah fiktif, mis. Kota Contoh</translation>
        </message>
        <message>
            <source>Calibration case name</source>
            <translation>Nama kasus kalibrasi</translation>
        </message>
        <message>
            <source>Calibration case province</source>
            <translation>Provinsi kasus kalibrasi</translation>
        </message>
        <message>
            <source>No province</source>
            <translation>Tanpa provinsi</translation>
        </message>
        <message>
            <source>Add calibration case</source>
            <translation>Tambah kasus kalibrasi</translation>
        </message>
        <message>
            <source>Every assessor scores it before the real interviews; it goes out with the round package and is never ranked</source>
            <translation>Setiap penilai menilainya sebelum wawancara sebenarnya; dikirim bersama paket putaran dan tidak pernah diperingkat</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nama:</translation>
        </message>
        <message>
            <source>Province:</source>
            <translation>Provinsi:</translation>
        </message>
        <message>
            <source>None yet. A calibration case links the panels, so assessor severity can be estimated.</source>
            <translation>Belum ada. Kasus kalibrasi menautkan panel-panel, sehingga tingkat keketatan penilai dapat diperkirakan.</translation>
        </message>
        <message>
            <source>Saved: calibration case %1 %2</source>
            <translation>Tersimpan: kasus kalibrasi %1 %2</translation>
        </message>
    </context>
    <context>
        <name>RegionAssessmentsModel</name>
        <message>
            <source>Assessor</source>
            <translation>Penilai</translation>
        </message>
        <message>
            <source>Version in force</source>
            <translation>Versi yang berlaku</translation>
        </message>
        <message>
            <source>Return for revision</source>
            <translation>Pengembalian untuk revisi</translation>
        </message>
        <message>
            <source>returned to %1 on %2: %3</source>
            <translation>dikembalikan kepada %1 pada %2: %3</translation>
        </message>
        <message>
            <source>answered: revised version received (returned on %1: %2)</source>
            <translation>terjawab: versi revisi sudah diterima (dikembalikan pada %1: %2)</translation>
        </message>
        <message>
            <source>return of %1 withdrawn on %2</source>
            <translation>pengembalian tanggal %1 dibatalkan pada %2</translation>
        </message>
        <message>
            <source>%1, version %2</source>
            <translation>%1, versi %2</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return for revision</source>
            <translation>Kembalikan untuk revisi</translation>
        </message>
        <message>
            <source>%1's assessment of %2 goes back to them with your comment. They see it at their next sync (or in the next round package), reopen it as a new version with your comment as the reason, and send it back finalized and signed.</source>
            <translation>Penilaian %2 oleh %1 dikembalikan kepadanya dengan komentar Anda. Ia melihatnya pada sinkronisasi berikutnya (atau dalam paket ronde berikutnya), membukanya kembali sebagai versi baru dengan komentar Anda sebagai alasannya, lalu mengirimkannya kembali dalam keadaan final dan bertanda tangan.</translation>
        </message>
        <message>
            <source>What to revise (required), e.g. I2.3: level 4 needs the 2018 budget document as evidence</source>
            <translation>Apa yang perlu direvisi (wajib), mis. I2.3: tingkat 4 memerlukan dokumen anggaran 2018 sebagai bukti</translation>
        </message>
        <message>
            <source>Comment to the assessor</source>
            <translation>Komentar untuk penilai</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>Kembalikan</translation>
        </message>
    </context>
    <context>
        <name>ReturnNotice</name>
        <message>
            <source>Reopen for &amp;revision…</source>
            <translation>Buka kembali untuk &amp;revisi…</translation>
        </message>
        <message>
            <source>Make a new version of this assessment, with the coordinator's comment as the reason; finalize and sign it again, and it goes back at the next sync</source>
            <translation>Buat versi baru penilaian ini dengan komentar koordinator sebagai alasannya; finalkan dan tanda tangani lagi, lalu versi itu terkirim pada sinkronisasi berikutnya</translation>
        </message>
        <message>
            <source>Returned for revision by %1 on %2: “%3”</source>
            <translation>Dikembalikan untuk revisi oleh %1 pada %2: “%3”</translation>
        </message>
        <message>
            <source>Being revised for the coordinator (returned by %1 on %2): “%3”</source>
            <translation>Sedang direvisi untuk koordinator (dikembalikan oleh %1 pada %2): “%3”</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPanel</name>
        <message>
            <source>Assessments of the region</source>
            <translation>Penilaian daerah ini</translation>
        </message>
        <message>
            <source>R&amp;eturn for revision…</source>
            <translation>Kembalikan untuk re&amp;visi…</translation>
        </message>
        <message>
            <source>&amp;Withdraw the return</source>
            <translation>&amp;Batalkan pengembalian</translation>
        </message>
        <message>
            <source>Send the selected assessor's assessment back to them with a comment</source>
            <translation>Kirim kembali penilaian dari penilai yang dipilih kepadanya dengan komentar</translation>
        </message>
        <message>
            <source>Assessments:</source>
            <translation>Penilaian:</translation>
        </message>
        <message>
            <source>Loading the region's assessments</source>
            <translation>Memuat penilaian daerah</translation>
        </message>
        <message>
            <source>Returning for revision</source>
            <translation>Mengembalikan untuk revisi</translation>
        </message>
        <message>
            <source>%1: returned to %2 for revision; they get it at their next sync</source>
            <translation>%1: dikembalikan kepada %2 untuk revisi; ia menerimanya pada sinkronisasi berikutnya</translation>
        </message>
        <message>
            <source>Withdrawing the return</source>
            <translation>Membatalkan pengembalian</translation>
        </message>
        <message>
            <source>%1: return to %2 withdrawn</source>
            <translation>%1: pengembalian kepada %2 dibatalkan</translation>
        </message>
    </context>
    <context>
        <name>IndicatorCalibrationDialog</name>
        <message>
            <source>No level on this indicator yet, neither yours nor the group's.</source>
            <translation>Belum ada tingkat pada indikator ini, baik dari Anda maupun kelompok.</translation>
        </message>
        <message>
            <source>group</source>
            <translation>kelompok</translation>
        </message>
        <message>
            <source>yours</source>
            <translation>Anda</translation>
        </message>
        <message>
            <source>lower than the group by %1</source>
            <translation>lebih rendah dari kelompok %1 tingkat</translation>
        </message>
        <message>
            <source>higher than the group by %1</source>
            <translation>lebih tinggi dari kelompok %1 tingkat</translation>
        </message>
        <message>
            <source>the same as the group</source>
            <translation>sama dengan kelompok</translation>
        </message>
        <message>
            <source>no group median</source>
            <translation>tidak ada median kelompok</translation>
        </message>
        <message>
            <source>you gave no level</source>
            <translation>Anda tidak memberi tingkat</translation>
        </message>
        <message>
            <source>%1 %2 (%3 assessors)</source>
            <translation>%1 %2 (%3 penilai)</translation>
        </message>
        <message>
            <source>Your levels on every indicator of the calibration case</source>
            <translation>Tingkat Anda pada setiap indikator kasus kalibrasi</translation>
        </message>
        <message>
            <source>&amp;All indicators…</source>
            <translation>&amp;Semua indikator…</translation>
        </message>
        <message>
            <source>The rubric's words for your level and the group's</source>
            <translation>Uraian rubrik untuk tingkat Anda dan tingkat kelompok</translation>
        </message>
        <message>
            <source>Your level on this indicator beside the group median</source>
            <translation>Tingkat Anda pada indikator ini di samping median kelompok</translation>
        </message>
        <message>
            <source>Where you sat</source>
            <translation>Posisi Anda</translation>
        </message>
        <message>
            <source>Group median</source>
            <translation>Median kelompok</translation>
        </message>
        <message>
            <source>Your level</source>
            <translation>Tingkat Anda</translation>
        </message>
        <message>
            <source>Calibration case</source>
            <translation>Kasus kalibrasi</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 %2&lt;/b&gt;: your level on the calibration case that every assessor scored before the real interviews, beside the group's median. A level far from the median is worth a second look at the rubric; it is not a mark against you.</source>
            <translation>&lt;b&gt;%1 %2&lt;/b&gt;: tingkat Anda pada kasus kalibrasi yang dinilai semua penilai sebelum wawancara sebenarnya, di samping median kelompok. Tingkat yang jauh dari median layak dicocokkan lagi dengan rubrik; itu bukan nilai buruk bagi Anda.</translation>
        </message>
        <message>
            <source>Your calibration — %1</source>
            <translation>Kalibrasi Anda — %1</translation>
        </message>
    </context>
</TS>
