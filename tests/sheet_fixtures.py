"""A realistic assessment snapshot for sheet tests, built by hand (no database, no instrument file).

The instrument is a smart-city readiness instrument in the spirit of the 2018 round of *Gerakan
Menuju 100 Smart City*: structure, infrastructure and superstructure, plus the local ecosystem;
twelve indicators with five bilingual rubric levels each. Scores are summarised by the real
scoring rules (``app.assessments.scoring.summarize``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from datetime import date, datetime, time, timedelta, timezone

from app.assessments.scoring import Mark, summarize
from app.models.domain import (
    AssessmentSnapshot,
    AssessmentStatus,
    AssessorInfo,
    DelegateInfo,
    Dimension,
    EvidenceInfo,
    Indicator,
    Instrument,
    RegionInfo,
    RubricLevel,
    ScoreInfo,
    SlotInfo,
    Text,
)

WIB = timezone(timedelta(hours=7), "WIB")
UNICODE_NOTE = "Kepala Dinas Komunikasi dan Informatika — Bpk. Ñoman Śaputra"

LEVEL_NAMES = (
    ("Inisiasi", "Initial"),
    ("Berkembang", "Developing"),
    ("Terdefinisi", "Defined"),
    ("Terkelola", "Managed"),
    ("Optimal", "Optimised"),
)

# dimension code, weight, (title id, en), indicators:
#   (code, weight, required, (title id, en), (question id, en), [five (descriptor id, en)])
DIMENSIONS = [
    ("STR", 30, ("Struktur", "Structure"), [
        ("STR-1", 40, True, ("Komitmen pimpinan daerah", "Commitment of the regional head"),
         ("Bagaimana kepala daerah memimpin dan mendanai agenda smart city?",
          "How does the regional head lead and fund the smart city agenda?"),
         [("Belum ada pernyataan komitmen tertulis.", "No written statement of commitment."),
          ("Komitmen lisan, belum masuk dokumen perencanaan.", "Verbal commitment, not yet in planning documents."),
          ("Visi smart city tercantum dalam RPJMD.", "The smart city vision is in the medium-term plan (RPJMD)."),
          ("Visi tercantum dalam RPJMD dan dipantau kepala daerah secara berkala.",
           "The vision is in the RPJMD and the regional head reviews it regularly."),
          ("Kepala daerah memimpin dewan smart city dan mengevaluasi capaian tiap triwulan.",
           "The regional head chairs the smart city council and reviews results every quarter.")]),
        ("STR-2", 30, True, ("Kapasitas sumber daya manusia TIK", "ICT human resources"),
         ("Berapa banyak dan seberapa terlatih pegawai yang menangani TIK?",
          "How many staff handle ICT, and how well trained are they?"),
         [("Tidak ada pegawai khusus TIK.", "No dedicated ICT staff."),
          ("Beberapa pegawai TIK tanpa sertifikasi.", "A few ICT staff without certification."),
          ("Tim TIK di Diskominfo dengan rencana pelatihan.", "An ICT team in the communications office with a training plan."),
          ("Tim TIK tersertifikasi dan petugas TIK di setiap OPD.",
           "A certified ICT team and an ICT officer in every agency."),
          ("Manajemen talenta digital berjalan; kompetensi diukur setiap tahun.",
           "Digital talent management in place; skills measured every year.")]),
        ("STR-3", 30, False, ("Anggaran smart city", "Smart city budget"),
         ("Bagaimana program smart city dianggarkan dalam APBD?",
          "How are smart city programmes funded in the regional budget (APBD)?"),
         [("Tidak ada alokasi anggaran.", "No budget allocation."),
          ("Anggaran tersebar tanpa penanda smart city.", "Scattered spending without a smart city tag."),
          ("Mata anggaran khusus untuk program prioritas.", "A dedicated budget line for priority programmes."),
          ("Anggaran multi-tahun yang terhubung dengan rencana induk.",
           "Multi-year budget linked to the masterplan."),
          ("Anggaran multi-tahun ditambah kemitraan dan pendanaan kreatif.",
           "Multi-year budget plus partnerships and creative financing.")]),
    ]),
    ("INF", 30, ("Infrastruktur", "Infrastructure"), [
        ("INF-1", 30, True, ("Jaringan dan konektivitas", "Network and connectivity"),
         ("Seberapa luas jaringan pemerintah daerah dan akses internet publik?",
          "How far do the government network and public internet access reach?"),
         [("Kantor terhubung sendiri-sendiri.", "Offices connect on their own."),
          ("Jaringan di sebagian kantor pusat.", "A network in some central offices."),
          ("Jaringan intra-pemerintah menghubungkan semua OPD.", "A government intranet links every agency."),
          ("Semua OPD dan kecamatan terhubung; titik Wi-Fi publik.",
           "Every agency and district connected; public Wi-Fi hotspots."),
          ("Jaringan redundan sampai desa, dipantau terpusat.",
           "Redundant network down to villages, monitored centrally.")]),
        ("INF-2", 25, True, ("Aplikasi layanan publik", "Public service applications"),
         ("Layanan publik apa saja yang sudah daring dan terintegrasi?",
          "Which public services are online and integrated?"),
         [("Belum ada layanan daring.", "No online service."),
          ("Situs informasi statis.", "A static information website."),
          ("Beberapa layanan daring yang berdiri sendiri.", "Some stand-alone online services."),
          ("Layanan terintegrasi dengan identitas tunggal.", "Integrated services with a single sign-on."),
          ("Layanan terintegrasi, diukur kepuasannya dan diperbaiki terus.",
           "Integrated services whose satisfaction is measured and improved.")]),
        ("INF-3", 25, False, ("Pusat data dan komputasi", "Data centre and computing"),
         ("Di mana sistem daerah berjalan, dan bagaimana dikelola?",
          "Where do the region's systems run, and how are they managed?"),
         [("Server tersebar di OPD tanpa pengelolaan.", "Servers scattered across agencies, unmanaged."),
          ("Ruang server sederhana di Diskominfo.", "A basic server room at the communications office."),
          ("Pusat data daerah dengan prosedur cadangan.", "A regional data centre with backup procedures."),
          ("Pusat data dengan pemulihan bencana dan SLA.", "A data centre with disaster recovery and SLAs."),
          ("Pusat data tersertifikasi terhubung pusat data nasional.",
           "A certified data centre linked to the national data centre.")]),
        ("INF-4", 20, False, ("Keamanan informasi", "Information security"),
         ("Bagaimana daerah melindungi sistem dan data?", "How does the region protect its systems and data?"),
         [("Tidak ada kebijakan keamanan.", "No security policy."),
          ("Antivirus dan kata sandi saja.", "Antivirus and passwords only."),
          ("Kebijakan keamanan dan tim tanggap insiden.", "A security policy and an incident response team."),
          ("Indeks KAMI dinilai; audit berkala.", "KAMI index assessed; regular audits."),
          ("CSIRT daerah aktif dan terhubung nasional.", "An active regional CSIRT linked nationally.")]),
    ]),
    ("SUP", 25, ("Suprastruktur", "Superstructure"), [
        ("SUP-1", 40, True, ("Kebijakan dan regulasi", "Policy and regulation"),
         ("Peraturan apa yang mendasari program smart city?", "Which regulations underpin the smart city programme?"),
         [("Belum ada regulasi.", "No regulation."),
          ("Rancangan peraturan kepala daerah.", "A draft regulation of the regional head."),
          ("Peraturan kepala daerah tentang smart city.", "A regional head regulation on the smart city."),
          ("Peraturan daerah dan peraturan pelaksana.", "A regional bylaw and implementing rules."),
          ("Regulasi lengkap, dievaluasi dan diperbarui.", "Complete regulation, evaluated and updated.")]),
        ("SUP-2", 35, True, ("Rencana induk smart city", "Smart city masterplan"),
         ("Sejauh mana rencana induk smart city disusun?", "How far has the smart city masterplan progressed?"),
         [("Belum ada rencana.", "No plan."),
          ("Gagasan program tanpa dokumen.", "Programme ideas without a document."),
          ("Dokumen rencana induk dalam penyusunan.", "A masterplan document being drafted."),
          ("Rencana induk ditetapkan dengan peta jalan.", "A masterplan adopted, with a roadmap."),
          ("Rencana induk dijalankan dan dipantau capaiannya.", "A masterplan being implemented and monitored.")]),
        ("SUP-3", 25, False, ("Tata kelola data", "Data governance"),
         ("Bagaimana data daerah dikelola dan dibagipakaikan?", "How is regional data managed and shared?"),
         [("Data tersimpan di masing-masing OPD.", "Data stays inside each agency."),
          ("Beberapa data dibagikan secara manual.", "Some data shared by hand."),
          ("Forum Satu Data dan walidata ditetapkan.", "A One Data forum and data steward appointed."),
          ("Portal data terbuka dengan standar metadata.", "An open data portal with metadata standards."),
          ("Data dipakai untuk keputusan; interoperabilitas penuh.",
           "Data drives decisions; full interoperability.")]),
    ]),
    ("EKO", 15, ("Ekosistem dan budaya digital", "Ecosystem and digital culture"), [
        ("EKO-1", 50, False, ("Partisipasi masyarakat", "Citizen participation"),
         ("Bagaimana warga terlibat dalam layanan dan pengaduan?", "How do citizens take part in services and complaints?"),
         [("Tidak ada kanal partisipasi.", "No participation channel."),
          ("Kanal pengaduan manual.", "A manual complaint channel."),
          ("Kanal pengaduan daring (mis. LAPOR!).", "An online complaint channel (e.g. LAPOR!)."),
          ("Pengaduan ditindaklanjuti dengan target waktu.", "Complaints handled within target times."),
          ("Warga ikut merancang layanan (co-creation).", "Citizens co-design services.")]),
        ("EKO-2", 50, False, ("Kemitraan dan inovasi lokal", "Partnerships and local innovation"),
         ("Siapa mitra daerah dalam inovasi digital?", "Who are the region's partners in digital innovation?"),
         [("Tidak ada kemitraan.", "No partnership."),
          ("Kerja sama sporadis.", "Occasional cooperation."),
          ("Nota kesepahaman dengan perguruan tinggi atau swasta.", "Memoranda with universities or companies."),
          ("Program inkubasi atau hackathon rutin.", "Regular incubation programmes or hackathons."),
          ("Ekosistem inovasi mandiri dengan pendanaan bersama.",
           "A self-sustaining innovation ecosystem with joint funding.")]),
    ]),
]

# code -> (level, not_applicable, note, evidence file names)
SCORES = {
    "STR-1": (4, False, "Bupati memaparkan sendiri visi “Batang Cerdas 2021” dan menunjukkan RPJMD bab 4. "
                        "Evaluasi rutin baru dua kali dilakukan.", ["RPJMD_2017-2022_bab4.pdf"]),
    "STR-2": (3, False, f"Dipaparkan oleh {UNICODE_NOTE}. Tim TIK 14 orang, 3 bersertifikat; "
                        "rencana pelatihan 2018 ada.", ["Daftar_pegawai_TIK.xlsx", "Rencana_pelatihan_2018.pdf"]),
    "STR-3": (2, False, "Belanja TIK tersebar di 9 OPD; belum ada penanda anggaran smart city.", []),
    "INF-1": (3, False, "Fiber optik ke 15 kecamatan sudah terpasang; 40 titik Wi-Fi publik (taman, alun-alun).",
              ["Peta_jaringan_FO.png"]),
    "INF-2": (3, False, "Perizinan daring & e-Kinerja berjalan, belum terintegrasi SSO. Naïve café-style kiosks "
                        "di MPP (Mal Pelayanan Publik).", ["Tangkapan_layar_perizinan.png"]),
    "INF-3": (None, True, "Daerah memakai pusat data provinsi Jawa Tengah (Diskominfo Provinsi); tidak dinilai.", []),
    "INF-4": (2, False, "", []),
    "SUP-1": (3, False, "Perbup No. 12/2017 tentang Smart City; Perda masih di Prolegda 2018.",
              ["Perbup_12_2017_Smart_City.pdf"]),
    "SUP-2": (3, False, "Rencana induk disusun bersama tim pendamping; draf bab 1–3 diperlihatkan.", []),
    "SUP-3": (None, False, "", []),
    "EKO-1": (4, False, "Aplikasi pengaduan “Lapor Bupati” — rata-rata tindak lanjut 3 hari; Straße-test: ß, Ā, é.",
              []),
    "EKO-2": (3, False, "MoU dengan Universitas Pekalongan dan dua start-up lokal.", ["MoU_Unikal_2017.pdf"]),
}

LONG_SENTENCES = (
    "Delegasi menjelaskan bahwa program prioritas dijalankan bertahap dengan melibatkan seluruh OPD terkait.",
    "Bukti fisik berupa dokumen perencanaan, notulen rapat koordinasi dan tangkapan layar aplikasi diperlihatkan.",
    "Penilai mencatat adanya kesenjangan antara dokumen perencanaan dan pelaksanaan di tingkat kecamatan.",
    "Tindak lanjut yang disarankan: menetapkan indikator kinerja, jadwal evaluasi triwulan dan penanggung jawab.",
    "Wakil Bupati menegaskan komitmen anggaran tahun depan, namun angka pasti belum dapat ditunjukkan.",
)


def long_note(length: int = 1500, seed: int = 0) -> str:
    """Realistic interview notes of at least ``length`` characters, ending on a whole word."""
    parts: list[str] = []
    i = seed
    while sum(len(p) + 1 for p in parts) < length + 120:
        parts.append(LONG_SENTENCES[i % len(LONG_SENTENCES)])
        i += 1
    text = " ".join(parts)
    end = text.find(" ", length)
    return text[:end].rstrip(".,:;") + "."


def _levels(descriptors: list[tuple[str, str]]) -> tuple[RubricLevel, ...]:
    return tuple(RubricLevel(level=i + 1, label=Text(*LEVEL_NAMES[i]), descriptor=Text(*d),
                             requires_note=i >= 3, requires_evidence=i == 4)
                 for i, d in enumerate(descriptors))


def build_instrument() -> Instrument:
    dimensions = tuple(
        Dimension(code=code, title=Text(*title), weight=weight, indicators=tuple(
            Indicator(code=icode, title=Text(*ititle), question=Text(*question),
                      guidance=Text("Periksa dokumen dan tanyakan contoh nyata.",
                                    "Check documents and ask for real examples."),
                      evidence_hint=Text("Dokumen resmi, tangkapan layar, foto.",
                                         "Official documents, screenshots, photos."),
                      weight=iweight, required=required, levels=_levels(descriptors))
            for icode, iweight, required, ititle, question, descriptors in indicators))
        for code, weight, title, indicators in DIMENSIONS)
    body = Instrument(id="smart-city-readiness-2018", version="1.2",
                      title=Text("Kesiapan Smart City 2018", "Smart City Readiness 2018"),
                      description=Text("Instrumen wawancara panel tahap kedua.", "Second-stage panel interview instrument."),
                      source_note=Text("Disusun ulang dari laporan publik 2018.", "Reconstructed from 2018 public reports."),
                      dimensions=dimensions, content_hash="")
    canonical = json.dumps(asdict(body), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return replace(body, content_hash=hashlib.sha256(canonical.encode()).hexdigest())


def _evidence(code: str, names: list[str]) -> tuple[EvidenceInfo, ...]:
    items = []
    for n, name in enumerate(names):
        digest = hashlib.sha256(f"{code}/{name}".encode()).hexdigest()
        items.append(EvidenceInfo(id=f"ev-{code.lower()}-{n}", file_name=name, sha256=digest,
                                  size=120_000 + 7_919 * n, stored_path=f"evidence/{digest[:2]}/{digest}"))
    return tuple(items)


def build_snapshot(*, long_notes: bool = False, note_length: int = 1500,
                   status: AssessmentStatus = AssessmentStatus.FINAL, delegation: bool = True) -> AssessmentSnapshot:
    """Kabupaten Batang's interview. With ``long_notes`` every note but STR-2's (which keeps
    ``UNICODE_NOTE``) is ``note_length`` characters long."""
    instrument = build_instrument()
    stamp = datetime(2018, 3, 5, 9, 52, tzinfo=WIB)
    scores = []
    for ind in instrument.indicators():
        level, na, note, files = SCORES[ind.code]
        if long_notes and ind.code != "STR-2":
            note = long_note(note_length, seed=len(scores))
        scores.append(ScoreInfo(indicator_code=ind.code, level=level, not_applicable=na, note=note,
                                updated_at=stamp, evidence=_evidence(ind.code, files)))
    summary = summarize(instrument, {s.indicator_code: Mark(s.level, s.not_applicable) for s in scores})
    return AssessmentSnapshot(
        record_id="4b1f6a2e-9c3d-4e8a-b7f0-2d5c8e1a9f36",
        version_id="c7e2d9a1-5b4f-4c8e-9a3d-6f1b2e8c7d40",
        previous_version_id="0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c",
        status=status,
        round_id="gm100sc-2018-tahap-2",
        round_name="Seleksi Tahap II 2018",
        programme="Gerakan Menuju 100 Smart City",
        region=RegionInfo(code="3325", name="Kabupaten Batang", kind="kabupaten", province_code="33",
                          province_name="Jawa Tengah"),
        assessor=AssessorInfo(id="2f0c7b9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
                              name="Dr. Rr. Siti Nurhaliza Wibowo, M.T.", nip="198203152008012011",
                              organisation="Direktorat Jenderal Aplikasi Informatika, "
                                           "Kementerian Komunikasi dan Informatika"),
        instrument=instrument,
        slot=SlotInfo(id="slot-0305-p3-02", day=date(2018, 3, 5), start=time(9, 0), minutes=45,
                      panel_name="Panel 3", room="Ruang Kelas 2.04, Pusdiklat Kominfo, Tangerang"),
        delegation=(DelegateInfo("Drs. H. Ahmad Fauzi, M.Si.", "Wakil Bupati Batang"),
                    DelegateInfo("Ir. Ñoman Śaputra, M.Kom.", "Kepala Dinas Komunikasi dan Informatika"),
                    DelegateInfo("Dra. Retno Wulandari", "Kepala Bappeda"),
                    DelegateInfo("Yohanes Dédé Situmorang, S.T.", "Kepala Bidang Aplikasi Informatika"))
        if delegation else (),
        scores=tuple(scores),
        summary=summary,
        created_at=datetime(2018, 3, 5, 8, 58, tzinfo=WIB),
        updated_at=stamp,
        finalized_at=None if status == AssessmentStatus.DRAFT else datetime(2018, 3, 5, 9, 55, tzinfo=WIB),
    )
