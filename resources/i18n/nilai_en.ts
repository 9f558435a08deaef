<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>regencies, cities and provinces</source>
            <translation>regencies, cities and provinces</translation>
        </message>
        <message>
            <source>evaluation sheets and signature appearances</source>
            <translation>evaluation sheets and signature appearances</translation>
        </message>
        <message>
            <source>the language</source>
            <translation>the language</translation>
        </message>
        <message>
            <source>the desktop window; Qt's libraries are separate files in the program folder and may be replaced</source>
            <translation>the desktop window; Qt's libraries are separate files in the program folder and may be replaced</translation>
        </message>
        <message>
            <source>evaluation sheet PDFs</source>
            <translation>evaluation sheet PDFs</translation>
        </message>
        <message>
            <source>PDF signatures (PAdES)</source>
            <translation>PDF signatures (PAdES)</translation>
        </message>
        <message>
            <source>certificate checks</source>
            <translation>certificate checks</translation>
        </message>
        <message>
            <source>keys, certificates, bundle encryption</source>
            <translation>keys, certificates, bundle encryption</translation>
        </message>
        <message>
            <source>certificate structures</source>
            <translation>certificate structures</translation>
        </message>
        <message>
            <source>the database</source>
            <translation>the database</translation>
        </message>
        <message>
            <source>database tables</source>
            <translation>database tables</translation>
        </message>
        <message>
            <source>data validation</source>
            <translation>data validation</translation>
        </message>
        <message>
            <source>database schema updates</source>
            <translation>database schema updates</translation>
        </message>
        <message>
            <source>where data is kept</source>
            <translation>where data is kept</translation>
        </message>
        <message>
            <source>instrument files</source>
            <translation>instrument files</translation>
        </message>
        <message>
            <source>instrument and bundle validation</source>
            <translation>instrument and bundle validation</translation>
        </message>
        <message>
            <source>quick checks of instrument files</source>
            <translation>quick checks of instrument files</translation>
        </message>
        <message>
            <source>quick checks of imported records</source>
            <translation>quick checks of imported records</translation>
        </message>
        <message>
            <source>QR codes on sheets</source>
            <translation>QR codes on sheets</translation>
        </message>
        <message>
            <source>images</source>
            <translation>images</translation>
        </message>
        <message>
            <source>embedded fonts</source>
            <translation>embedded fonts</translation>
        </message>
        <message>
            <source>text shaping in signatures</source>
            <translation>text shaping in signatures</translation>
        </message>
        <message>
            <source>PDF metadata</source>
            <translation>PDF metadata</translation>
        </message>
        <message>
            <source>consolidation statistics</source>
            <translation>consolidation statistics</translation>
        </message>
        <message>
            <source>agreement between assessors (Krippendorff's alpha)</source>
            <translation>agreement between assessors (Krippendorff's alpha)</translation>
        </message>
        <message>
            <source>Excel exports</source>
            <translation>Excel exports</translation>
        </message>
        <message>
            <source>required by pyHanko (Nilai never goes online)</source>
            <translation>required by pyHanko (Nilai never goes online)</translation>
        </message>
        <message>
            <source>About Nilai</source>
            <translation>About Nilai</translation>
        </message>
        <message>
            <source>Scoring of regional readiness interviews, offline: every change is saved as you make it, evaluation sheets are signed, results travel as signed bundles.</source>
            <translation>Scoring of regional readiness interviews, offline: every change is saved as you make it, evaluation sheets are signed, results travel as signed bundles.</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Data folder:</translation>
        </message>
        <message>
            <source>Log file:</source>
            <translation>Log file:</translation>
        </message>
        <message>
            <source>Program:</source>
            <translation>Program:</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Licences</translation>
        </message>
        <message>
            <source>Nilai is free software under the MIT licence.</source>
            <translation>Nilai is free software under the MIT licence.</translation>
        </message>
        <message>
            <source>Data shipped with Nilai</source>
            <translation>Data shipped with Nilai</translation>
        </message>
        <message>
            <source>Read the DejaVu font licence</source>
            <translation>Read the DejaVu font licence</translation>
        </message>
        <message>
            <source>Libraries</source>
            <translation>Libraries</translation>
        </message>
        <message>
            <source>Credits and licences</source>
            <translation>Credits and licences</translation>
        </message>
    </context>
    <context>
        <name>AdjustmentRefusal</name>
        <message>
            <source>&lt;b&gt;Adjusted for assessor severity is refused for this round:&lt;/b&gt; %1</source>
            <translation>&lt;b&gt;Adjusted for assessor severity is refused for this round:&lt;/b&gt; %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Adjusted for assessor severity is refused for this round.&lt;/b&gt; Its assessors form %1 groups that scored no region in common, so their severities cannot be compared:</source>
            <translation>&lt;b&gt;Adjusted for assessor severity is refused for this round.&lt;/b&gt; Its assessors form %1 groups that scored no region in common, so their severities cannot be compared:</translation>
        </message>
        <message>
            <source>Link the panels (rotate assessors between panels, or have every assessor score a calibration case), or rank with the mean, median or trimmed mean. No ranking is shown for this rule and nothing is exported with it.</source>
            <translation>Link the panels (rotate assessors between panels, or have every assessor score a calibration case), or rank with the mean, median or trimmed mean. No ranking is shown for this rule and nothing is exported with it.</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>and %1 more</translation>
        </message>
        <message>
            <source>no panel in the schedule</source>
            <translation>no panel in the schedule</translation>
        </message>
        <message>
            <source>Group %1: %2 — %3 (%4 regions)</source>
            <translation>Group %1: %2 — %3 (%4 regions)</translation>
        </message>
    </context>
    <context>
        <name>Application</name>
        <message>
            <source>Nilai cannot open its data</source>
            <translation>Nilai cannot open its data</translation>
        </message>
        <message>
            <source>Nilai cannot continue</source>
            <translation>Nilai cannot continue</translation>
        </message>
        <message>
            <source>Checking the data</source>
            <translation>Checking the data</translation>
        </message>
        <message>
            <source>Data not checked</source>
            <translation>Data not checked</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>Restoring the backup</source>
            <translation>Restoring the backup</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>The backup is restored. The data as it was before is kept in %1.</source>
            <translation>The backup is restored. The data as it was before is kept in %1.</translation>
        </message>
        <message>
            <source>The backup is restored. The damaged data is kept in %1.</source>
            <translation>The backup is restored. The damaged data is kept in %1.</translation>
        </message>
    </context>
    <context>
        <name>Arrivals</name>
        <message>
            <source>Looking for arrivals</source>
            <translation>Looking for arrivals</translation>
        </message>
        <message>
            <source>%1 bundle(s) arrived through the sync service</source>
            <translation>%1 bundle(s) arrived through the sync service</translation>
        </message>
        <message>
            <source>through the sync service, %1</source>
            <translation>through the sync service, %1</translation>
        </message>
        <message>
            <source>Deleting rejected bundles from the quarantine</source>
            <translation>Deleting rejected bundles from the quarantine</translation>
        </message>
    </context>
    <context>
        <name>AssessmentSession</name>
        <message>
            <source>Reading the assessment</source>
            <translation>Reading the assessment</translation>
        </message>
        <message>
            <source>Attaching evidence</source>
            <translation>Attaching evidence</translation>
        </message>
    </context>
    <context>
        <name>AssessorModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Comes from</source>
            <translation>Comes from</translation>
        </message>
        <message>
            <source>Declared conflicts</source>
            <translation>Declared conflicts</translation>
        </message>
    </context>
    <context>
        <name>AssessorsPage</name>
        <message>
            <source>academic</source>
            <translation>academic</translation>
        </message>
        <message>
            <source>government</source>
            <translation>government</translation>
        </message>
        <message>
            <source>IT practitioner</source>
            <translation>IT practitioner</translation>
        </message>
        <message>
            <source>3 · Assessors</source>
            <translation>3 · Assessors</translation>
        </message>
        <message>
            <source>Who interviews, and where each comes from: nobody is seated on a candidate of their own province or regency/city. Declare any other conflict of interest below.</source>
            <translation>Who interviews, and where each comes from: nobody is seated on a candidate of their own province or regency/city. Declare any other conflict of interest below.</translation>
        </message>
        <message>
            <source>Assessors of the round</source>
            <translation>Assessors of the round</translation>
        </message>
        <message>
            <source>&amp;New assessor</source>
            <translation>&amp;New assessor</translation>
        </message>
        <message>
            <source>Import from a &amp;file…</source>
            <translation>Import from a &amp;file…</translation>
        </message>
        <message>
            <source>XLSX or CSV with columns name, nip, organisation, role, province, region, conflicts</source>
            <translation>XLSX or CSV with columns name, nip, organisation, role, province, region, conflicts</translation>
        </message>
        <message>
            <source>Re&amp;move from the round</source>
            <translation>Re&amp;move from the round</translation>
        </message>
        <message>
            <source>18 digits</source>
            <translation>18 digits</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— not given —</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Declared conflicts</source>
            <translation>Declared conflicts</translation>
        </message>
        <message>
            <source>Region (type to search)</source>
            <translation>Region (type to search)</translation>
        </message>
        <message>
            <source>Reason, e.g. served there until 2024</source>
            <translation>Reason, e.g. served there until 2024</translation>
        </message>
        <message>
            <source>Dec&amp;lare</source>
            <translation>Dec&amp;lare</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>Add this assessor</source>
            <translation>Add this assessor</translation>
        </message>
        <message>
            <source>Nam&amp;e:</source>
            <translation>Nam&amp;e:</translation>
        </message>
        <message>
            <source>NIP:</source>
            <translation>NIP:</translation>
        </message>
        <message>
            <source>Or&amp;ganisation:</source>
            <translation>Or&amp;ganisation:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Role:</translation>
        </message>
        <message>
            <source>Province:</source>
            <translation>Province:</translation>
        </message>
        <message>
            <source>Regency/city:</source>
            <translation>Regency/city:</translation>
        </message>
        <message>
            <source>Other conflicts:</source>
            <translation>Other conflicts:</translation>
        </message>
        <message>
            <source>%1 assessor(s)</source>
            <translation>%1 assessor(s)</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>none yet</translation>
        </message>
        <message>
            <source>— the whole province —</source>
            <translation>— the whole province —</translation>
        </message>
        <message>
            <source>An assessor needs a name: type it in Name, then add.</source>
            <translation>An assessor needs a name: type it in Name, then add.</translation>
        </message>
        <message>
            <source>add assessor %1</source>
            <translation>add assessor %1</translation>
        </message>
        <message>
            <source>An assessor needs a name; the old one is kept.</source>
            <translation>An assessor needs a name; the old one is kept.</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>role</source>
            <translation>role</translation>
        </message>
        <message>
            <source>province</source>
            <translation>province</translation>
        </message>
        <message>
            <source>regency/city</source>
            <translation>regency/city</translation>
        </message>
        <message>
            <source>declared conflicts</source>
            <translation>declared conflicts</translation>
        </message>
        <message>
            <source>Choose the region of the conflict from the list (type part of its name).</source>
            <translation>Choose the region of the conflict from the list (type part of its name).</translation>
        </message>
        <message>
            <source>remove assessor %1</source>
            <translation>remove assessor %1</translation>
        </message>
        <message>
            <source>Import assessors</source>
            <translation>Import assessors</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>%1 assessor(s) imported from %2.</source>
            <translation>%1 assessor(s) imported from %2.</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was imported; the first: %3</source>
            <translation>%1: %2 problem(s), nothing was imported; the first: %3</translation>
        </message>
        <message>
            <source>Region of the conflict of interest</source>
            <translation>Region of the conflict of interest</translation>
        </message>
        <message>
            <source>Reason of the conflict of interest</source>
            <translation>Reason of the conflict of interest</translation>
        </message>
    </context>
    <context>
        <name>AutoSync</name>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Sending %1 assessment(s) to the coordinator…</source>
            <translation>Sending %1 assessment(s) to the coordinator…</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Sync: %1 assessment(s) taken in by the coordinator.</source>
            <translation>Sync: %1 assessment(s) taken in by the coordinator.</translation>
        </message>
        <message>
            <source>Sync: %1 taken in, %2 still waiting: %3</source>
            <translation>Sync: %1 taken in, %2 still waiting: %3</translation>
        </message>
        <message>
            <source>Sync: another sync is running on this laptop (File ▸ Sync now or nilai sync); it sends what is queued.</source>
            <translation>Sync: another sync is running on this laptop (File ▸ Sync now or nilai sync); it sends what is queued.</translation>
        </message>
        <message>
            <source>Sync failed; everything stays queued: %1</source>
            <translation>Sync failed; everything stays queued: %1</translation>
        </message>
        <message>
            <source>%1 assessment(s) waiting to sync · unlock to send</source>
            <translation>%1 assessment(s) waiting to sync · unlock to send</translation>
        </message>
        <message>
            <source>The sync service answers. Click to give your passphrase once for this session; then finalized and signed assessments are sent by themselves.</source>
            <translation>The sync service answers. Click to give your passphrase once for this session; then finalized and signed assessments are sent by themselves.</translation>
        </message>
        <message>
            <source>%1 assessment(s) waiting to sync</source>
            <translation>%1 assessment(s) waiting to sync</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>offline</translation>
        </message>
        <message>
            <source>not sent</source>
            <translation>not sent</translation>
        </message>
        <message>
            <source>They are sent by themselves when the sync service answers.</source>
            <translation>They are sent by themselves when the sync service answers.</translation>
        </message>
        <message>
            <source>offline: the sync service did not answer; tried again later</source>
            <translation>offline: the sync service did not answer; tried again later</translation>
        </message>
        <message>
            <source>the service&apos;s certificate is not the one in the round package: ask the coordinator for a new round package</source>
            <translation>the service&apos;s certificate is not the one in the round package: ask the coordinator for a new round package</translation>
        </message>
        <message>
            <source>certificate not trusted yet: the coordinator has not trusted your certificate; it goes through once they do</source>
            <translation>certificate not trusted yet: the coordinator has not trusted your certificate; it goes through once they do</translation>
        </message>
        <message>
            <source>its round package names no sync service; hand in a bundle file</source>
            <translation>its round package names no sync service; hand in a bundle file</translation>
        </message>
        <message>
            <source>refused by the service: %1</source>
            <translation>refused by the service: %1</translation>
        </message>
        <message>
            <source>%1: nothing fetched: %2</source>
            <translation>%1: nothing fetched: %2</translation>
        </message>
        <message>
            <source>%1 assessment(s) returned to you for revision: see the schedule.</source>
            <translation>%1 assessment(s) returned to you for revision: see the schedule.</translation>
        </message>
    </context>
    <context>
        <name>BundleExportDialog</name>
        <message>
            <source>Save the result bundle</source>
            <translation>Save the result bundle</translation>
        </message>
        <message>
            <source>Nilai result bundles (*.nilai)</source>
            <translation>Nilai result bundles (*.nilai)</translation>
        </message>
        <message>
            <source>Export result bundle</source>
            <translation>Export result bundle</translation>
        </message>
        <message>
            <source>A signed bundle of your finalized and signed assessments, for your coordinator (on a USB stick or by mail). Drafts never leave this computer.</source>
            <translation>A signed bundle of your finalized and signed assessments, for your coordinator (on a USB stick or by mail). Drafts never leave this computer.</translation>
        </message>
        <message>
            <source>&amp;Round:</source>
            <translation>&amp;Round:</translation>
        </message>
        <message>
            <source>&amp;Only what is new since the last export</source>
            <translation>&amp;Only what is new since the last export</translation>
        </message>
        <message>
            <source>&amp;Encrypt for my coordinator</source>
            <translation>&amp;Encrypt for my coordinator</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Assessments in the bundle</source>
            <translation>Assessments in the bundle</translation>
        </message>
        <message>
            <source>Bundle file</source>
            <translation>Bundle file</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>&amp;Sign and export</source>
            <translation>&amp;Sign and export</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>All rounds</source>
            <translation>All rounds</translation>
        </message>
        <message>
            <source>v%1</source>
            <translation>v%1</translation>
        </message>
        <message>
            <source>exported before</source>
            <translation>exported before</translation>
        </message>
        <message numerus="yes">
            <source>Last export: %1, %n assessment(s), %2</source>
            <translation>
                <numerusform>Last export: %1, %n assessment, %2</numerusform>
                <numerusform>Last export: %1, %n assessments, %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing has been exported from this computer yet.</source>
            <translation>Nothing has been exported from this computer yet.</translation>
        </message>
        <message>
            <source>Only %1 (certificate %2…) can open it; your name and the signature stay readable.</source>
            <translation>Only %1 (certificate %2…) can open it; your name and the signature stay readable.</translation>
        </message>
        <message>
            <source>Not available: the round did not come in a round package from your coordinator, so there is no certificate to encrypt for.</source>
            <translation>Not available: the round did not come in a round package from your coordinator, so there is no certificate to encrypt for.</translation>
        </message>
        <message>
            <source>There is no assessor profile here yet (Settings → Profile).</source>
            <translation>There is no assessor profile here yet (Settings → Profile).</translation>
        </message>
        <message>
            <source>Nothing new to export: every finalized assessment is in an earlier bundle. Untick “Only what is new since the last export” to export them all again.</source>
            <translation>Nothing new to export: every finalized assessment is in an earlier bundle. Untick “Only what is new since the last export” to export them all again.</translation>
        </message>
        <message>
            <source>You have no finalized assessment to export yet.</source>
            <translation>You have no finalized assessment to export yet.</translation>
        </message>
        <message numerus="yes">
            <source>%n assessment(s) will be in the bundle</source>
            <translation>
                <numerusform>%n assessment will be in the bundle</numerusform>
                <numerusform>%n assessments will be in the bundle</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 with a signed sheet, %2 finalized without one.</source>
            <translation>%1 with a signed sheet, %2 finalized without one.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist. Choose another place for the bundle.</source>
            <translation>The folder %1 does not exist. Choose another place for the bundle.</translation>
        </message>
        <message>
            <source>A result bundle is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>A result bundle is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</translation>
        </message>
        <message>
            <source>Nothing was exported: a bundle must be signed, and there is no signing identity on this computer yet.</source>
            <translation>Nothing was exported: a bundle must be signed, and there is no signing identity on this computer yet.</translation>
        </message>
        <message numerus="yes">
            <source>Sign a result bundle of %n assessment(s).</source>
            <translation>
                <numerusform>Sign a result bundle of %n assessment.</numerusform>
                <numerusform>Sign a result bundle of %n assessments.</numerusform>
            </translation>
        </message>
        <message>
            <source>Signing and writing the bundle…</source>
            <translation>Signing and writing the bundle…</translation>
        </message>
        <message>
            <source>Exporting the result bundle</source>
            <translation>Exporting the result bundle</translation>
        </message>
        <message numerus="yes">
            <source>%n assessment(s) written to %1</source>
            <translation>
                <numerusform>%n assessment written to %1</numerusform>
                <numerusform>%n assessments written to %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Encrypted for your coordinator.</source>
            <translation>Encrypted for your coordinator.</translation>
        </message>
        <message>
            <source>No bundle was written: %1</source>
            <translation>No bundle was written: %1</translation>
        </message>
        <message>
            <source>The rounds come from different coordinators: choose one round to encrypt the bundle for its coordinator.</source>
            <translation>The rounds come from different coordinators: choose one round to encrypt the bundle for its coordinator.</translation>
        </message>
    </context>
    <context>
        <name>CalibrationPanel</name>
        <message>
            <source>Calibration case</source>
            <translation>Calibration case</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Against the median</source>
            <translation>Against the median</translation>
        </message>
        <message>
            <source>Sits high on</source>
            <translation>Sits high on</translation>
        </message>
        <message>
            <source>Sits low on</source>
            <translation>Sits low on</translation>
        </message>
        <message>
            <source>Calibration: each assessor against the median</source>
            <translation>Calibration: each assessor against the median</translation>
        </message>
        <message>
            <source>&lt;b&gt;Calibration&lt;/b&gt; — this round has no calibration case (add one with &lt;i&gt;nilai round calibration add&lt;/i&gt;).</source>
            <translation>&lt;b&gt;Calibration&lt;/b&gt; — this round has no calibration case (add one with &lt;i&gt;nilai round calibration add&lt;/i&gt;).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Calibration&lt;/b&gt; — each assessor's levels on the calibration case(s) against the median of all assessors: + sits high (lenient), − sits low (strict); an indicator is named when the assessor sat at least %1 level(s) from the median.</source>
            <translation>&lt;b&gt;Calibration&lt;/b&gt; — each assessor's levels on the calibration case(s) against the median of all assessors: + sits high (lenient), − sits low (strict); an indicator is named when the assessor sat at least %1 level(s) from the median.</translation>
        </message>
    </context>
    <context>
        <name>CandidateModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Province</translation>
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
            <translation>invited</translation>
        </message>
        <message>
            <source>to be interviewed</source>
            <translation>to be interviewed</translation>
        </message>
        <message>
            <source>assessed</source>
            <translation>assessed</translation>
        </message>
        <message>
            <source>shortlisted</source>
            <translation>shortlisted</translation>
        </message>
        <message>
            <source>selected</source>
            <translation>selected</translation>
        </message>
        <message>
            <source>2 · Candidates</source>
            <translation>2 · Candidates</translation>
        </message>
        <message>
            <source>Pick regions from the catalogue, paste a list of BPS codes or names, or read a column of a spreadsheet. Names that fit two regions (such as Banjar) are asked about, never guessed.</source>
            <translation>Pick regions from the catalogue, paste a list of BPS codes or names, or read a column of a spreadsheet. Names that fit two regions (such as Banjar) are asked about, never guessed.</translation>
        </message>
        <message>
            <source>Search by name or code…</source>
            <translation>Search by name or code…</translation>
        </message>
        <message>
            <source>All provinces</source>
            <translation>All provinces</translation>
        </message>
        <message>
            <source>Regencies and cities</source>
            <translation>Regencies and cities</translation>
        </message>
        <message>
            <source>Regencies (kabupaten)</source>
            <translation>Regencies (kabupaten)</translation>
        </message>
        <message>
            <source>Cities (kota)</source>
            <translation>Cities (kota)</translation>
        </message>
        <message>
            <source>Region catalogue</source>
            <translation>Region catalogue</translation>
        </message>
        <message>
            <source>Add selected →</source>
            <translation>Add selected →</translation>
        </message>
        <message>
            <source>Status of the regions added</source>
            <translation>Status of the regions added</translation>
        </message>
        <message>
            <source>Paste a &amp;list…</source>
            <translation>Paste a &amp;list…</translation>
        </message>
        <message>
            <source>Read a spreadsheet colu&amp;mn…</source>
            <translation>Read a spreadsheet colu&amp;mn…</translation>
        </message>
        <message>
            <source>Candidates of the round</source>
            <translation>Candidates of the round</translation>
        </message>
        <message>
            <source>Status of the selected candidates</source>
            <translation>Status of the selected candidates</translation>
        </message>
        <message>
            <source>S&amp;et status</source>
            <translation>S&amp;et status</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Remove the selected candidates (Delete)</source>
            <translation>Remove the selected candidates (Delete)</translation>
        </message>
        <message>
            <source>Region catalogue (514 regencies and cities)</source>
            <translation>Region catalogue (514 regencies and cities)</translation>
        </message>
        <message>
            <source>Search:</source>
            <translation>Search:</translation>
        </message>
        <message>
            <source>Candidates of this round</source>
            <translation>Candidates of this round</translation>
        </message>
        <message>
            <source>Ctrl+F; Enter goes to the first region found, Enter again adds it</source>
            <translation>Ctrl+F; Enter goes to the first region found, Enter again adds it</translation>
        </message>
        <message>
            <source>%1 candidate(s), %2 to be interviewed</source>
            <translation>%1 candidate(s), %2 to be interviewed</translation>
        </message>
        <message>
            <source>%1 candidate(s)</source>
            <translation>%1 candidate(s)</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>none yet</translation>
        </message>
        <message>
            <source>add %1 candidate(s)</source>
            <translation>add %1 candidate(s)</translation>
        </message>
        <message>
            <source>Select one or more regions in the catalogue first.</source>
            <translation>Select one or more regions in the catalogue first.</translation>
        </message>
        <message>
            <source>remove %1 candidate(s)</source>
            <translation>remove %1 candidate(s)</translation>
        </message>
        <message>
            <source>Select one or more candidates first.</source>
            <translation>Select one or more candidates first.</translation>
        </message>
        <message>
            <source>%1 candidate(s) %2</source>
            <translation>%1 candidate(s) %2</translation>
        </message>
        <message>
            <source>Read candidates from a spreadsheet column</source>
            <translation>Read candidates from a spreadsheet column</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>ChartsTab</name>
        <message>
            <source>Region on the radar</source>
            <translation>Region on the radar</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Re&amp;gion:</translation>
        </message>
        <message>
            <source>Rank %1</source>
            <translation>Rank %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Resolve a conflict</source>
            <translation>Resolve a conflict</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Competing versions of one assessment arrived. Choose the one that is in force; the others stay in the history.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Competing versions of one assessment arrived. Choose the one that is in force; the others stay in the history.</translation>
        </message>
        <message>
            <source>&amp;Reason (required, kept in the change log):</source>
            <translation>&amp;Reason (required, kept in the change log):</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Use the chosen version</source>
            <translation>Use the chosen version</translation>
        </message>
        <message>
            <source>version %1</source>
            <translation>version %1</translation>
        </message>
        <message>
            <source>other content of version %1</source>
            <translation>other content of version %1</translation>
        </message>
        <message>
            <source>%1 — %2, %3, total %4</source>
            <translation>%1 — %2, %3, total %4</translation>
        </message>
        <message>
            <source> (in force now)</source>
            <translation> (in force now)</translation>
        </message>
        <message>
            <source>Levels that differ between the versions</source>
            <translation>Levels that differ between the versions</translation>
        </message>
        <message>
            <source>n/a</source>
            <translation>n/a</translation>
        </message>
        <message>
            <source>Indicators where the versions differ</source>
            <translation>Indicators where the versions differ</translation>
        </message>
        <message>
            <source>The versions give the same levels</source>
            <translation>The versions give the same levels</translation>
        </message>
        <message>
            <source>Levels where the versions differ:</source>
            <translation>Levels where the versions differ:</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Detected</source>
            <translation>Detected</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>two versions from one parent</source>
            <translation>two versions from one parent</translation>
        </message>
        <message>
            <source>same version, different content</source>
            <translation>same version, different content</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorActions</name>
        <message>
            <source>New ro&amp;und…</source>
            <translation>New ro&amp;und…</translation>
        </message>
        <message>
            <source>Prepare a round: instrument, candidates, assessors, panels, schedule</source>
            <translation>Prepare a round: instrument, candidates, assessors, panels, schedule</translation>
        </message>
        <message>
            <source>&amp;Coordinator view…</source>
            <translation>&amp;Coordinator view…</translation>
        </message>
        <message>
            <source>Import bundles, see coverage and agreement, moderate, rank and export</source>
            <translation>Import bundles, see coverage and agreement, moderate, rank and export</translation>
        </message>
        <message>
            <source>&amp;Import result bundles…</source>
            <translation>&amp;Import result bundles…</translation>
        </message>
        <message>
            <source>Take in the assessors' signed result bundles</source>
            <translation>Take in the assessors' signed result bundles</translation>
        </message>
        <message>
            <source>Expor&amp;t ranking as CSV…</source>
            <translation>Expor&amp;t ranking as CSV…</translation>
        </message>
        <message>
            <source>The ranking and every level behind it, as two CSV files</source>
            <translation>The ranking and every level behind it, as two CSV files</translation>
        </message>
        <message>
            <source>Export ranking as &amp;XLSX…</source>
            <translation>Export ranking as &amp;XLSX…</translation>
        </message>
        <message>
            <source>Ranking, Scores and Method sheets</source>
            <translation>Ranking, Scores and Method sheets</translation>
        </message>
        <message>
            <source>Export ranking &amp;report (PDF)…</source>
            <translation>Export ranking &amp;report (PDF)…</translation>
        </message>
        <message>
            <source>Method, agreement, charts and the ranking table</source>
            <translation>Method, agreement, charts and the ranking table</translation>
        </message>
        <message>
            <source>Export &amp;signed ranking report (PDF)…</source>
            <translation>Export &amp;signed ranking report (PDF)…</translation>
        </message>
        <message>
            <source>The report, signed with this data directory's key</source>
            <translation>The report, signed with this data directory's key</translation>
        </message>
        <message>
            <source>Export round &amp;package for assessors…</source>
            <translation>Export round &amp;package for assessors…</translation>
        </message>
        <message>
            <source>The round, instrument, panels and schedule, signed</source>
            <translation>The round, instrument, panels and schedule, signed</translation>
        </message>
        <message>
            <source>Import i&amp;nstrument from workbook…</source>
            <translation>Import i&amp;nstrument from workbook…</translation>
        </message>
        <message>
            <source>An instrument written in an XLSForm-style spreadsheet (.xlsx)</source>
            <translation>An instrument written in an XLSForm-style spreadsheet (.xlsx)</translation>
        </message>
        <message>
            <source>Pre&amp;view instrument…</source>
            <translation>Pre&amp;view instrument…</translation>
        </message>
        <message>
            <source>The interview screen and the evaluation sheet of an instrument, before the round is handed out</source>
            <translation>The interview screen and the evaluation sheet of an instrument, before the round is handed out</translation>
        </message>
        <message>
            <source>&amp;Coordinator</source>
            <translation>&amp;Coordinator</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorServices</name>
        <message>
            <source>Import result bundles</source>
            <translation>Import result bundles</translation>
        </message>
        <message>
            <source>Nilai result bundles (*.nilai);;All files (*)</source>
            <translation>Nilai result bundles (*.nilai);;All files (*)</translation>
        </message>
        <message>
            <source>coordinator</source>
            <translation>coordinator</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorSession</name>
        <message>
            <source>Consolidating</source>
            <translation>Consolidating</translation>
        </message>
        <message>
            <source>Official rule of the round: %1 (recorded with your name and the time)</source>
            <translation>Official rule of the round: %1 (recorded with your name and the time)</translation>
        </message>
        <message>
            <source>Recording the official rule</source>
            <translation>Recording the official rule</translation>
        </message>
        <message>
            <source>%1 %2: moderation cleared</source>
            <translation>%1 %2: moderation cleared</translation>
        </message>
        <message>
            <source>%1 %2: moderated to level %3</source>
            <translation>%1 %2: moderated to level %3</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Nothing changed</translation>
        </message>
        <message>
            <source>Moderating</source>
            <translation>Moderating</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorView</name>
        <message>
            <source>Round</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ro&amp;und:</source>
            <translation>Ro&amp;und:</translation>
        </message>
        <message>
            <source>Consolidating…</source>
            <translation>Consolidating…</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Co&amp;verage</source>
            <translation>Co&amp;verage</translation>
        </message>
        <message>
            <source>Round se&amp;tup</source>
            <translation>Round se&amp;tup</translation>
        </message>
        <message>
            <source>R&amp;anking</source>
            <translation>R&amp;anking</translation>
        </message>
        <message>
            <source>Region &amp;detail</source>
            <translation>Region &amp;detail</translation>
        </message>
        <message>
            <source>C&amp;harts</source>
            <translation>C&amp;harts</translation>
        </message>
        <message>
            <source>Assessor severit&amp;y</source>
            <translation>Assessor severit&amp;y</translation>
        </message>
        <message>
            <source>How strict each assessor is (severity ± SE) and how well the model fits them (Ctrl+%1)</source>
            <translation>How strict each assessor is (severity ± SE) and how well the model fits them (Ctrl+%1)</translation>
        </message>
        <message>
            <source>There is no round here yet: create one here in Round setup, or import the assessors' bundles (Import tab) to bring one in.</source>
            <translation>There is no round here yet: create one here in Round setup, or import the assessors' bundles (Import tab) to bring one in.</translation>
        </message>
        <message>
            <source>%1 · id %2</source>
            <translation>%1 · id %2</translation>
        </message>
        <message>
            <source>created here</source>
            <translation>created here</translation>
        </message>
        <message>
            <source>from a bundle</source>
            <translation>from a bundle</translation>
        </message>
        <message>
            <source>from a round package</source>
            <translation>from a round package</translation>
        </message>
        <message>
            <source>Round %1 (id %2), %3</source>
            <translation>Round %1 (id %2), %3</translation>
        </message>
        <message>
            <source>&amp;Import · conflicts: %1</source>
            <translation>&amp;Import · conflicts: %1</translation>
        </message>
    </context>
    <context>
        <name>CoordinatorWindow</name>
        <message>
            <source>Coordinator — Nilai</source>
            <translation>Coordinator — Nilai</translation>
        </message>
    </context>
    <context>
        <name>CoverageModel</name>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Province</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>Counted assessments / assessors seated on the region's panel</source>
            <translation>Counted assessments / assessors seated on the region's panel</translation>
        </message>
        <message>
            <source>%1: %2 (on the panel)</source>
            <translation>%1: %2 (on the panel)</translation>
        </message>
        <message>
            <source>%1: %2 (not on the panel)</source>
            <translation>%1: %2 (not on the panel)</translation>
        </message>
        <message>
            <source>Incomplete: %1 missing, %2 in conflict</source>
            <translation>Incomplete: %1 missing, %2 in conflict</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Conflict</translation>
        </message>
        <message>
            <source>Duplicate</source>
            <translation>Duplicate</translation>
        </message>
        <message>
            <source>Other instrument</source>
            <translation>Other instrument</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>%1 of %2 assessors</source>
            <translation>%1 of %2 assessors</translation>
        </message>
    </context>
    <context>
        <name>CoverageTab</name>
        <message>
            <source>Filter by region, code or province</source>
            <translation>Filter by region, code or province</translation>
        </message>
        <message>
            <source>Filter the coverage</source>
            <translation>Filter the coverage</translation>
        </message>
        <message>
            <source>I&amp;ncomplete only</source>
            <translation>I&amp;ncomplete only</translation>
        </message>
        <message>
            <source>Regions where a panel assessor is missing, still in draft, or in conflict</source>
            <translation>Regions where a panel assessor is missing, still in draft, or in conflict</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>Coverage</translation>
        </message>
        <message>
            <source>%1 regions · %2 complete · %3 incomplete · %4 shown</source>
            <translation>%1 regions · %2 complete · %3 incomplete · %4 shown</translation>
        </message>
    </context>
    <context>
        <name>DamagedStore</name>
        <message>
            <source>Nilai's data is damaged and cannot be opened.</source>
            <translation>Nilai's data is damaged and cannot be opened.</translation>
        </message>
        <message>
            <source>The database file %1 cannot be read. Nilai has not changed it.</source>
            <translation>The database file %1 cannot be read. Nilai has not changed it.</translation>
        </message>
        <message>
            <source>The newest sound backup is from %1. Restoring it sets the damaged file aside in the backups folder first, so nothing is lost by trying; changes made after that backup are not in it.</source>
            <translation>The newest sound backup is from %1. Restoring it sets the damaged file aside in the backups folder first, so nothing is lost by trying; changes made after that backup are not in it.</translation>
        </message>
        <message>
            <source>There is no sound backup. Copy the data folder somewhere safe before changing anything, and ask your coordinator for help.</source>
            <translation>There is no sound backup. Copy the data folder somewhere safe before changing anything, and ask your coordinator for help.</translation>
        </message>
        <message>
            <source>Damaged data</source>
            <translation>Damaged data</translation>
        </message>
        <message>
            <source>Restore this backup</source>
            <translation>Restore this backup</translation>
        </message>
        <message>
            <source>Choose another backup…</source>
            <translation>Choose another backup…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
    </context>
    <context>
        <name>DataCare</name>
        <message>
            <source>Nilai found problems in its data (%1).</source>
            <translation>Nilai found problems in its data (%1).</translation>
        </message>
        <message>
            <source>… and %1 more.</source>
            <translation>… and %1 more.</translation>
        </message>
        <message>
            <source>What to do:</source>
            <translation>What to do:</translation>
        </message>
        <message>
            <source>Restore the newest sound backup, from %1, with File → Restore a backup…; the database as it is now is set aside first, so nothing is lost by trying.</source>
            <translation>Restore the newest sound backup, from %1, with File → Restore a backup…; the database as it is now is set aside first, so nothing is lost by trying.</translation>
        </message>
        <message>
            <source>There is no backup yet. Copy the data folder somewhere safe (Help → Open data folder) before changing anything, and ask your coordinator for help.</source>
            <translation>There is no backup yet. Copy the data folder somewhere safe (Help → Open data folder) before changing anything, and ask your coordinator for help.</translation>
        </message>
        <message>
            <source>Problems in the data</source>
            <translation>Problems in the data</translation>
        </message>
        <message>
            <source>Restore a backup…</source>
            <translation>Restore a backup…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>No problems found. Checked the database, %1 change-log entries, %2 evidence files and %3 signed sheets.</source>
            <translation>No problems found. Checked the database, %1 change-log entries, %2 evidence files and %3 signed sheets.</translation>
        </message>
        <message>
            <source>Data checked</source>
            <translation>Data checked</translation>
        </message>
        <message>
            <source>Checking every record, change-log entry, evidence file and signed sheet…</source>
            <translation>Checking every record, change-log entry, evidence file and signed sheet…</translation>
        </message>
        <message>
            <source>Check data</source>
            <translation>Check data</translation>
        </message>
        <message>
            <source>Checking the data</source>
            <translation>Checking the data</translation>
        </message>
        <message>
            <source>The check could not run: %1</source>
            <translation>The check could not run: %1</translation>
        </message>
    </context>
    <context>
        <name>DelegationDialog</name>
        <message>
            <source>Delegation of %1</source>
            <translation>Delegation of %1</translation>
        </message>
        <message>
            <source>Names and roles of the people representing the region in this interview (for example the regent or mayor, the head of the communications office).</source>
            <translation>Names and roles of the people representing the region in this interview (for example the regent or mayor, the head of the communications office).</translation>
        </message>
        <message>
            <source>Saved as you type.</source>
            <translation>Saved as you type.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Add person</translation>
        </message>
        <message>
            <source>Add a row for another member of the delegation</source>
            <translation>Add a row for another member of the delegation</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Remove person</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Delegation</translation>
        </message>
    </context>
    <context>
        <name>EvidenceList</name>
        <message>
            <source>Attached files; double-click to open. Drop files here to attach them.</source>
            <translation>Attached files; double-click to open. Drop files here to attach them.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Detach the selected file from this indicator</source>
            <translation>Detach the selected file from this indicator</translation>
        </message>
        <message>
            <source>No evidence attached</source>
            <translation>No evidence attached</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</source>
            <translation>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</translation>
        </message>
        <message>
            <source>There is no ranking to export yet.</source>
            <translation>There is no ranking to export yet.</translation>
        </message>
        <message>
            <source>The adjusted ranking is refused for this round, so there is nothing to export with it: choose another rule (the reason is under the rule).</source>
            <translation>The adjusted ranking is refused for this round, so there is nothing to export with it: choose another rule (the reason is under the rule).</translation>
        </message>
        <message>
            <source>The ranking shown uses %1 but the round's official rule is %2; exports are made with the official rule: make %1 official, or choose %2, then export.</source>
            <translation>The ranking shown uses %1 but the round's official rule is %2; exports are made with the official rule: make %1 official, or choose %2, then export.</translation>
        </message>
        <message>
            <source>Export the ranking as CSV</source>
            <translation>Export the ranking as CSV</translation>
        </message>
        <message>
            <source>Export the ranking as XLSX</source>
            <translation>Export the ranking as XLSX</translation>
        </message>
        <message>
            <source>Export the ranking report (PDF)</source>
            <translation>Export the ranking report (PDF)</translation>
        </message>
        <message>
            <source>Sign the ranking report.</source>
            <translation>Sign the ranking report.</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>Writing %1…</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Exporting</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Written: %1</translation>
        </message>
        <message>
            <source>Export the round package for assessors</source>
            <translation>Export the round package for assessors</translation>
        </message>
        <message>
            <source>Nilai round packages (*.nilairound)</source>
            <translation>Nilai round packages (*.nilairound)</translation>
        </message>
        <message>
            <source>Sign the round package.</source>
            <translation>Sign the round package.</translation>
        </message>
        <message>
            <source>Exporting the round package</source>
            <translation>Exporting the round package</translation>
        </message>
        <message>
            <source>Round package version %1 written: %2 (%3 candidates, %4 slots, %5 assessors)</source>
            <translation>Round package version %1 written: %2 (%3 candidates, %4 slots, %5 assessors)</translation>
        </message>
    </context>
    <context>
        <name>ExportSheetsDialog</name>
        <message>
            <source>Folder for the signed sheets</source>
            <translation>Folder for the signed sheets</translation>
        </message>
        <message>
            <source>Export signed sheets</source>
            <translation>Export signed sheets</translation>
        </message>
        <message>
            <source>Every finalized assessment you have not signed yet is rendered as a PDF sheet, signed with your key and saved in the folder; a copy stays in Nilai.</source>
            <translation>Every finalized assessment you have not signed yet is rendered as a PDF sheet, signed with your key and saved in the folder; a copy stays in Nilai.</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Output folder</translation>
        </message>
        <message>
            <source>&amp;Round:</source>
            <translation>&amp;Round:</translation>
        </message>
        <message>
            <source>&amp;Day:</source>
            <translation>&amp;Day:</translation>
        </message>
        <message>
            <source>Sheet &amp;language:</source>
            <translation>Sheet &amp;language:</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Folder:</translation>
        </message>
        <message>
            <source>This computer has no signing identity yet. Create one, or import the .p12 file your organisation issued, before signing.</source>
            <translation>This computer has no signing identity yet. Create one, or import the .p12 file your organisation issued, before signing.</translation>
        </message>
        <message>
            <source>Create or &amp;import identity…</source>
            <translation>Create or &amp;import identity…</translation>
        </message>
        <message>
            <source>&amp;Sign and export</source>
            <translation>&amp;Sign and export</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Signing sheets</source>
            <translation>Signing sheets</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>All days</translation>
        </message>
        <message>
            <source>There is no round in this data directory yet.</source>
            <translation>There is no round in this data directory yet.</translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) to sign</source>
            <translation>
                <numerusform>%n sheet to sign</numerusform>
                <numerusform>%n sheets to sign</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 already signed · %2 not finalized yet</source>
            <translation>%1 already signed · %2 not finalized yet</translation>
        </message>
        <message numerus="yes">
            <source>Sign %n sheet(s).</source>
            <translation>
                <numerusform>Sign %n sheet.</numerusform>
                <numerusform>Sign %n sheets.</numerusform>
            </translation>
        </message>
        <message>
            <source>Signing the sheets needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Signing the sheets needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</translation>
        </message>
        <message>
            <source>Nothing was signed: there is no signing identity on this computer yet.</source>
            <translation>Nothing was signed: there is no signing identity on this computer yet.</translation>
        </message>
        <message>
            <source>Signing…</source>
            <translation>Signing…</translation>
        </message>
        <message>
            <source>[%1/%2] %3</source>
            <translation>[%1/%2] %3</translation>
        </message>
        <message>
            <source>Stopping after the sheet in hand…</source>
            <translation>Stopping after the sheet in hand…</translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) signed and saved in %1.</source>
            <translation>
                <numerusform>%n sheet signed and saved in %1.</numerusform>
                <numerusform>%n sheets signed and saved in %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped before the rest; sign them later.</source>
            <translation>Stopped before the rest; sign them later.</translation>
        </message>
        <message>
            <source>Nothing was signed: %1</source>
            <translation>Nothing was signed: %1</translation>
        </message>
    </context>
    <context>
        <name>FinalizeDialog</name>
        <message>
            <source>no level chosen</source>
            <translation>no level chosen</translation>
        </message>
        <message>
            <source>the chosen level needs a note</source>
            <translation>the chosen level needs a note</translation>
        </message>
        <message>
            <source>the chosen level needs evidence attached</source>
            <translation>the chosen level needs evidence attached</translation>
        </message>
        <message>
            <source>Finalize the assessment of %1</source>
            <translation>Finalize the assessment of %1</translation>
        </message>
        <message>
            <source>What is missing</source>
            <translation>What is missing</translation>
        </message>
        <message numerus="yes">
            <source>%n thing(s) to complete before this assessment can be finalized. Choose one to go to its indicator.</source>
            <translation>
                <numerusform>%n thing to complete before this assessment can be finalized. Choose it to go to its indicator.</numerusform>
                <numerusform>%n things to complete before this assessment can be finalized. Choose one to go to its indicator.</numerusform>
            </translation>
        </message>
        <message>
            <source>Go to indicator</source>
            <translation>Go to indicator</translation>
        </message>
        <message>
            <source>Everything required is complete. Weighted total: %1.

A finalized assessment is read-only. To change it later you reopen it as a new version and give a reason.</source>
            <translation>Everything required is complete. Weighted total: %1.

A finalized assessment is read-only. To change it later you reopen it as a new version and give a reason.</translation>
        </message>
        <message>
            <source>Finalize</source>
            <translation>Finalize</translation>
        </message>
        <message>
            <source>The sheet of a finalized assessment is signed with your signing identity, and this computer has none yet. Create or import one now, or later in Sheets → Assessor identity…</source>
            <translation>The sheet of a finalized assessment is signed with your signing identity, and this computer has none yet. Create or import one now, or later in Sheets → Assessor identity…</translation>
        </message>
        <message>
            <source>Create or &amp;import identity…</source>
            <translation>Create or &amp;import identity…</translation>
        </message>
        <message>
            <source>Your signing identity is ready: after finalizing, sign the sheet with Interview → Sign this sheet…</source>
            <translation>Your signing identity is ready: after finalizing, sign the sheet with Interview → Sign this sheet…</translation>
        </message>
    </context>
    <context>
        <name>FindIndicatorDialog</name>
        <message>
            <source>Find indicator</source>
            <translation>Find indicator</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>N/A</translation>
        </message>
        <message>
            <source>Code or words of the title</source>
            <translation>Code or words of the title</translation>
        </message>
        <message>
            <source>no level</source>
            <translation>no level</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicators</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to Nilai</source>
            <translation>Welcome to Nilai</translation>
        </message>
        <message>
            <source>Assessor profile</source>
            <translation>Assessor profile</translation>
        </message>
        <message>
            <source>Your name, NIP and organisation appear on every evaluation sheet you sign and in the result bundles you send. You can change them later in Settings → Profile.</source>
            <translation>Your name, NIP and organisation appear on every evaluation sheet you sign and in the result bundles you send. You can change them later in Settings → Profile.</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>N&amp;IP:</source>
            <translation>N&amp;IP:</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Organisation:</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>Interface &amp;language:</translation>
        </message>
        <message>
            <source>Full name, with academic titles if you use them</source>
            <translation>Full name, with academic titles if you use them</translation>
        </message>
        <message>
            <source>Civil-servant number (18 digits), if you have one</source>
            <translation>Civil-servant number (18 digits), if you have one</translation>
        </message>
        <message>
            <source>e.g. Kementerian Komunikasi dan Informatika</source>
            <translation>e.g. Kementerian Komunikasi dan Informatika</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>HandoutPage</name>
        <message>
            <source>5 · Hand out</source>
            <translation>5 · Hand out</translation>
        </message>
        <message>
            <source>Send each assessor the signed round package (it carries the instrument, the candidates, the panels and the schedule), and print the schedule for the venue.</source>
            <translation>Send each assessor the signed round package (it carries the instrument, the candidates, the panels and the schedule), and print the schedule for the venue.</translation>
        </message>
        <message>
            <source>Export the signed round pac&amp;kage…</source>
            <translation>Export the signed round pac&amp;kage…</translation>
        </message>
        <message>
            <source>Printable schedule (PD&amp;F)…</source>
            <translation>Printable schedule (PD&amp;F)…</translation>
        </message>
        <message>
            <source>Schedule as &amp;XLSX…</source>
            <translation>Schedule as &amp;XLSX…</translation>
        </message>
        <message>
            <source>for the assessors: they open it with File → Open round package</source>
            <translation>for the assessors: they open it with File → Open round package</translation>
        </message>
        <message>
            <source>one page per day and panel, to print for the venue</source>
            <translation>one page per day and panel, to print for the venue</translation>
        </message>
        <message>
            <source>the same columns the schedule import reads back</source>
            <translation>the same columns the schedule import reads back</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>Panel</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Candidates</translation>
        </message>
        <message>
            <source>Assessors</source>
            <translation>Assessors</translation>
        </message>
        <message>
            <source>Panels of each day</source>
            <translation>Panels of each day</translation>
        </message>
        <message>
            <source>Panels of each day, as the printed schedule lists them:</source>
            <translation>Panels of each day, as the printed schedule lists them:</translation>
        </message>
        <message>
            <source>%1 candidate(s)</source>
            <translation>%1 candidate(s)</translation>
        </message>
        <message>
            <source>%1 assessor(s)</source>
            <translation>%1 assessor(s)</translation>
        </message>
        <message>
            <source>%1 interview slot(s)</source>
            <translation>%1 interview slot(s)</translation>
        </message>
        <message>
            <source>no schedule yet (step 4)</source>
            <translation>no schedule yet (step 4)</translation>
        </message>
        <message>
            <source>no problem in the schedule</source>
            <translation>no problem in the schedule</translation>
        </message>
        <message>
            <source>%1 problem(s) in the schedule (step 4 names them)</source>
            <translation>%1 problem(s) in the schedule (step 4 names them)</translation>
        </message>
        <message>
            <source>waiting for the schedule</source>
            <translation>waiting for the schedule</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>ready</translation>
        </message>
        <message>
            <source>⚠ problems to solve first</source>
            <translation>⚠ problems to solve first</translation>
        </message>
        <message>
            <source>The schedule still has %1 problem(s): solve them in step 4 (Ctrl+4), then export the package.</source>
            <translation>The schedule still has %1 problem(s): solve them in step 4 (Ctrl+4), then export the package.</translation>
        </message>
        <message>
            <source>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</source>
            <translation>This data directory has no signing identity yet: create or import one (Sheets → Signing identity) and try again.</translation>
        </message>
        <message>
            <source>Export the round package for assessors</source>
            <translation>Export the round package for assessors</translation>
        </message>
        <message>
            <source>Nilai round packages (*.nilairound)</source>
            <translation>Nilai round packages (*.nilairound)</translation>
        </message>
        <message>
            <source>Sign the round package.</source>
            <translation>Sign the round package.</translation>
        </message>
        <message>
            <source>Signing the round package…</source>
            <translation>Signing the round package…</translation>
        </message>
        <message>
            <source>Exporting the round package</source>
            <translation>Exporting the round package</translation>
        </message>
        <message>
            <source>Round package version %1 written: %2</source>
            <translation>Round package version %1 written: %2</translation>
        </message>
        <message>
            <source>Printable schedule (PDF)</source>
            <translation>Printable schedule (PDF)</translation>
        </message>
        <message>
            <source>Schedule as XLSX</source>
            <translation>Schedule as XLSX</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>%1 slot(s) written: %2</source>
            <translation>%1 slot(s) written: %2</translation>
        </message>
    </context>
    <context>
        <name>HelpActions</name>
        <message>
            <source>&amp;About Nilai</source>
            <translation>&amp;About Nilai</translation>
        </message>
        <message>
            <source>Version, where your data is kept, and licences</source>
            <translation>Version, where your data is kept, and licences</translation>
        </message>
        <message>
            <source>Open &amp;data folder</source>
            <translation>Open &amp;data folder</translation>
        </message>
        <message>
            <source>Show the folder with your assessments, identity and backups</source>
            <translation>Show the folder with your assessments, identity and backups</translation>
        </message>
        <message>
            <source>Open &amp;log file</source>
            <translation>Open &amp;log file</translation>
        </message>
        <message>
            <source>Show the program's log, for a report to your coordinator</source>
            <translation>Show the program's log, for a report to your coordinator</translation>
        </message>
        <message>
            <source>No log file yet</source>
            <translation>No log file yet</translation>
        </message>
        <message>
            <source>Nilai has not written anything to its log yet. It will be here:
%1</source>
            <translation>Nilai has not written anything to its log yet. It will be here:
%1</translation>
        </message>
        <message>
            <source>Cannot open it here</source>
            <translation>Cannot open it here</translation>
        </message>
        <message>
            <source>This computer has no program to open it. It is here:
%1</source>
            <translation>This computer has no program to open it. It is here:
%1</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>Assessor identity</source>
            <translation>Assessor identity</translation>
        </message>
        <message>
            <source>&amp;Identity</source>
            <translation>&amp;Identity</translation>
        </message>
        <message>
            <source>&amp;Create new</source>
            <translation>&amp;Create new</translation>
        </message>
        <message>
            <source>I&amp;mport .p12</source>
            <translation>I&amp;mport .p12</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Passphrase</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>NIP:</source>
            <translation>NIP:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Certificate:</source>
            <translation>Certificate:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Valid:</translation>
        </message>
        <message>
            <source>Fingerprint (SHA-256):</source>
            <translation>Fingerprint (SHA-256):</translation>
        </message>
        <message>
            <source>Drawn signature:</source>
            <translation>Drawn signature:</translation>
        </message>
        <message>
            <source>&amp;Export certificate…</source>
            <translation>&amp;Export certificate…</translation>
        </message>
        <message>
            <source>Save the certificate (never the key) for coordinators to trust</source>
            <translation>Save the certificate (never the key) for coordinators to trust</translation>
        </message>
        <message>
            <source>&amp;Draw signature…</source>
            <translation>&amp;Draw signature…</translation>
        </message>
        <message>
            <source>Draw your handwritten signature once; it appears on signed sheets</source>
            <translation>Draw your handwritten signature once; it appears on signed sheets</translation>
        </message>
        <message>
            <source>A new key pair and a self-signed certificate, valid for five years. The private key is stored encrypted with your passphrase and never leaves this computer.</source>
            <translation>A new key pair and a self-signed certificate, valid for five years. The private key is stored encrypted with your passphrase and never leaves this computer.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Passphrase again</translation>
        </message>
        <message>
            <source>Replace the current identity (sheets signed with it stay verifiable only with its old certificate)</source>
            <translation>Replace the current identity (sheets signed with it stay verifiable only with its old certificate)</translation>
        </message>
        <message>
            <source>C&amp;reate identity</source>
            <translation>C&amp;reate identity</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>N&amp;IP:</source>
            <translation>N&amp;IP:</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Organisation:</translation>
        </message>
        <message>
            <source>Pass&amp;phrase:</source>
            <translation>Pass&amp;phrase:</translation>
        </message>
        <message>
            <source>&amp;Again:</source>
            <translation>&amp;Again:</translation>
        </message>
        <message>
            <source>Use a key and certificate issued by your organisation (a PKCS#12 file, .p12 or .pfx). The key is stored encrypted with the file's passphrase, or with a new one you choose; the file itself is not kept.</source>
            <translation>Use a key and certificate issued by your organisation (a PKCS#12 file, .p12 or .pfx). The key is stored encrypted with the file's passphrase, or with a new one you choose; the file itself is not kept.</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>Passphrase of the file</source>
            <translation>Passphrase of the file</translation>
        </message>
        <message>
            <source>Use a different passphrase on this computer</source>
            <translation>Use a different passphrase on this computer</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>New passphrase</translation>
        </message>
        <message>
            <source>New passphrase again</source>
            <translation>New passphrase again</translation>
        </message>
        <message>
            <source>Replace the current identity</source>
            <translation>Replace the current identity</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>File &amp;passphrase:</source>
            <translation>File &amp;passphrase:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;New passphrase:</translation>
        </message>
        <message>
            <source>A&amp;gain:</source>
            <translation>A&amp;gain:</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Current passphrase</translation>
        </message>
        <message>
            <source>C&amp;hange passphrase</source>
            <translation>C&amp;hange passphrase</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>&amp;Current passphrase:</translation>
        </message>
        <message>
            <source>No signing identity on this computer yet. Create one from your profile (tab “Create new”) or import a .p12 file from your organisation.</source>
            <translation>No signing identity on this computer yet. Create one from your profile (tab “Create new”) or import a .p12 file from your organisation.</translation>
        </message>
        <message>
            <source>Sheets you sign carry this identity. Give coordinators your certificate so they can trust your signature.</source>
            <translation>Sheets you sign carry this identity. Give coordinators your certificate so they can trust your signature.</translation>
        </message>
        <message>
            <source>self-signed</source>
            <translation>self-signed</translation>
        </message>
        <message>
            <source>issued by %1</source>
            <translation>issued by %1</translation>
        </message>
        <message>
            <source>(expired)</source>
            <translation>(expired)</translation>
        </message>
        <message>
            <source>saved; shown on signed sheets</source>
            <translation>saved; shown on signed sheets</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message numerus="yes">
            <source>too short: at least %n characters</source>
            <translation>
                <numerusform>too short: at least %n character</numerusform>
                <numerusform>too short: at least %n characters</numerusform>
            </translation>
        </message>
        <message>
            <source>weak: make it longer, e.g. a few words</source>
            <translation>weak: make it longer, e.g. a few words</translation>
        </message>
        <message>
            <source>fair</source>
            <translation>fair</translation>
        </message>
        <message>
            <source>good</source>
            <translation>good</translation>
        </message>
        <message>
            <source>strong</source>
            <translation>strong</translation>
        </message>
        <message>
            <source>Strength: %1</source>
            <translation>Strength: %1</translation>
        </message>
        <message>
            <source>Identity created.</source>
            <translation>Identity created.</translation>
        </message>
        <message>
            <source>Identity created. Export your certificate and give it to the coordinator.</source>
            <translation>Identity created. Export your certificate and give it to the coordinator.</translation>
        </message>
        <message>
            <source>Choose a PKCS#12 file</source>
            <translation>Choose a PKCS#12 file</translation>
        </message>
        <message>
            <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
            <translation>PKCS#12 files (*.p12 *.pfx);;All files (*)</translation>
        </message>
        <message>
            <source>The file cannot be read: %1</source>
            <translation>The file cannot be read: %1</translation>
        </message>
        <message>
            <source>The passphrase of this file is not correct. Nothing was imported.</source>
            <translation>The passphrase of this file is not correct. Nothing was imported.</translation>
        </message>
        <message>
            <source>Identity imported.</source>
            <translation>Identity imported.</translation>
        </message>
        <message>
            <source>Export certificate</source>
            <translation>Export certificate</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.cer *.der)</source>
            <translation>Certificates (*.pem *.cer *.der)</translation>
        </message>
        <message>
            <source>Certificate saved to %1. Fingerprint: %2</source>
            <translation>Certificate saved to %1. Fingerprint: %2</translation>
        </message>
        <message>
            <source>The current passphrase is not correct. Nothing was changed.</source>
            <translation>The current passphrase is not correct. Nothing was changed.</translation>
        </message>
        <message>
            <source>Passphrase changed.</source>
            <translation>Passphrase changed.</translation>
        </message>
    </context>
    <context>
        <name>ImportReportModel</name>
        <message>
            <source>imported</source>
            <translation>imported</translation>
        </message>
        <message>
            <source>already present</source>
            <translation>already present</translation>
        </message>
        <message>
            <source>fast-forwarded</source>
            <translation>fast-forwarded</translation>
        </message>
        <message>
            <source>already superseded</source>
            <translation>already superseded</translation>
        </message>
        <message>
            <source>updated (now signed)</source>
            <translation>updated (now signed)</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>conflict</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejected</translation>
        </message>
        <message>
            <source>already imported</source>
            <translation>already imported</translation>
        </message>
        <message>
            <source>certificate rejected</source>
            <translation>certificate rejected</translation>
        </message>
        <message>
            <source>Bundle / region</source>
            <translation>Bundle / region</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Assessor / record</source>
            <translation>Assessor / record</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>record %1 · version %2</source>
            <translation>record %1 · version %2</translation>
        </message>
        <message>
            <source>Same person (name + NIP), different key: a renewal or an impostor? Both certificates are listed below</source>
            <translation>Same person (name + NIP), different key: a renewal or an impostor? Both certificates are listed below</translation>
        </message>
        <message>
            <source>Not trusted: the assessor's certificate is listed below</source>
            <translation>Not trusted: the assessor's certificate is listed below</translation>
        </message>
        <message>
            <source>You rejected the assessor's certificate; nothing was imported</source>
            <translation>You rejected the assessor's certificate; nothing was imported</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Drop result bundles (.nilai) or a folder of them here</source>
            <translation>Drop result bundles (.nilai) or a folder of them here</translation>
        </message>
        <message>
            <source>&amp;Choose bundles…</source>
            <translation>&amp;Choose bundles…</translation>
        </message>
        <message>
            <source>Export &amp;round package for assessors…</source>
            <translation>Export &amp;round package for assessors…</translation>
        </message>
        <message>
            <source>The round, its instrument, panels and schedule, signed with your key</source>
            <translation>The round, its instrument, panels and schedule, signed with your key</translation>
        </message>
        <message>
            <source>Import report</source>
            <translation>Import report</translation>
        </message>
        <message>
            <source>Unknown assessor certificates</source>
            <translation>Unknown assessor certificates</translation>
        </message>
        <message>
            <source>Trust and i&amp;mport</source>
            <translation>Trust and i&amp;mport</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>Re&amp;ject</translation>
        </message>
        <message>
            <source>These bundles are signed correctly, by certificates this computer does not trust yet. Check each fingerprint with the assessor (by phone or in person) before trusting it.</source>
            <translation>These bundles are signed correctly, by certificates this computer does not trust yet. Check each fingerprint with the assessor (by phone or in person) before trusting it.</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Re&amp;solve…</source>
            <translation>Re&amp;solve…</translation>
        </message>
        <message>
            <source>Competing versions of one assessment: none of them counts until you choose one.</source>
            <translation>Competing versions of one assessment: none of them counts until you choose one.</translation>
        </message>
        <message>
            <source>Accept as re&amp;newal</source>
            <translation>Accept as re&amp;newal</translation>
        </message>
        <message>
            <source>Accept as re&amp;newal of %1</source>
            <translation>Accept as re&amp;newal of %1</translation>
        </message>
        <message>
            <source>&lt;b&gt;Same person (name + NIP), different key: a renewal or an impostor?&lt;/b&gt; %1 (NIP %2) is trusted here with the certificate&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt; (known)&lt;br&gt;and this bundle is signed with&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt; (new).&lt;br&gt;Ask %1 by phone or in person whether they made a new key, and check the new fingerprint before accepting it as their renewal: their records then stay one assessor.</source>
            <translation>&lt;b&gt;Same person (name + NIP), different key: a renewal or an impostor?&lt;/b&gt; %1 (NIP %2) is trusted here with the certificate&lt;br&gt;&lt;tt&gt;%3&lt;/tt&gt; (known)&lt;br&gt;and this bundle is signed with&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt; (new).&lt;br&gt;Ask %1 by phone or in person whether they made a new key, and check the new fingerprint before accepting it as their renewal: their records then stay one assessor.</translation>
        </message>
        <message>
            <source>Some bundles are encrypted for you: unlock your key to open them.</source>
            <translation>Some bundles are encrypted for you: unlock your key to open them.</translation>
        </message>
        <message>
            <source>No bundle files among the dropped items</source>
            <translation>No bundle files among the dropped items</translation>
        </message>
        <message>
            <source>Importing bundles</source>
            <translation>Importing bundles</translation>
        </message>
        <message>
            <source>%1 bundle(s) read: %2 taken in, %3 rejected</source>
            <translation>%1 bundle(s) read: %2 taken in, %3 rejected</translation>
        </message>
        <message>
            <source>Certificate of %1 not trusted; its bundles stay out</source>
            <translation>Certificate of %1 not trusted; its bundles stay out</translation>
        </message>
        <message>
            <source>Reading conflicts</source>
            <translation>Reading conflicts</translation>
        </message>
        <message>
            <source>%1: version %2 is now in force</source>
            <translation>%1: version %2 is now in force</translation>
        </message>
        <message>
            <source>Resolving the conflict</source>
            <translation>Resolving the conflict</translation>
        </message>
    </context>
    <context>
        <name>IndicatorPanel</name>
        <message>
            <source>Interviewer guidance</source>
            <translation>Interviewer guidance</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>What the delegation said or showed; saved as you type.</source>
            <translation>What the delegation said or showed; saved as you type.</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>required</source>
            <translation>required</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>weight %1</translation>
        </message>
        <message>
            <source>Evidence to ask for: %1</source>
            <translation>Evidence to ask for: %1</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
    </context>
    <context>
        <name>InstrumentPreviewDialog</name>
        <message>
            <source>Instrument preview</source>
            <translation>Instrument preview</translation>
        </message>
        <message>
            <source>&amp;Instrument:</source>
            <translation>&amp;Instrument:</translation>
        </message>
        <message>
            <source>&amp;Language of the instrument:</source>
            <translation>&amp;Language of the instrument:</translation>
        </message>
        <message>
            <source>Save as &amp;workbook…</source>
            <translation>Save as &amp;workbook…</translation>
        </message>
        <message>
            <source>Write this instrument as an XLSForm-style workbook (.xlsx), to edit in a spreadsheet and import again</source>
            <translation>Write this instrument as an XLSForm-style workbook (.xlsx), to edit in a spreadsheet and import again</translation>
        </message>
        <message>
            <source>Open the sheet as &amp;PDF</source>
            <translation>Open the sheet as &amp;PDF</translation>
        </message>
        <message>
            <source>Interview screen</source>
            <translation>Interview screen</translation>
        </message>
        <message>
            <source>Evaluation sheet</source>
            <translation>Evaluation sheet</translation>
        </message>
        <message>
            <source>No instrument to preview: import one from a workbook first.</source>
            <translation>No instrument to preview: import one from a workbook first.</translation>
        </message>
        <message>
            <source>Preparing a sample assessment of {title}…</source>
            <translation>Preparing a sample assessment of {title}…</translation>
        </message>
        <message>
            <source>Preparing the instrument preview</source>
            <translation>Preparing the instrument preview</translation>
        </message>
        <message>
            <source>A sample assessment of Kabupaten Batang, every indicator scored at its middle level. Nothing here is saved.</source>
            <translation>A sample assessment of Kabupaten Batang, every indicator scored at its middle level. Nothing here is saved.</translation>
        </message>
        <message>
            <source>Drawing the evaluation sheet</source>
            <translation>Drawing the evaluation sheet</translation>
        </message>
        <message>
            <source>Page images need poppler's pdftoppm, which is not installed here. Open the sheet as PDF to see it as it will print.</source>
            <translation>Page images need poppler's pdftoppm, which is not installed here. Open the sheet as PDF to see it as it will print.</translation>
        </message>
        <message numerus="yes">
            <source>Page %n</source>
            <translation>
                <numerusform>Page %n</numerusform>
                <numerusform>Page %n</numerusform>
            </translation>
        </message>
        <message>
            <source>The preview could not be prepared: {error}</source>
            <translation>The preview could not be prepared: {error}</translation>
        </message>
        <message>
            <source>Save the instrument as a workbook</source>
            <translation>Save the instrument as a workbook</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>The workbook was not written: {error}</source>
            <translation>The workbook was not written: {error}</translation>
        </message>
        <message>
            <source>Saved {file}: edit it in a spreadsheet, then Coordinator → Import instrument from workbook…</source>
            <translation>Saved {file}: edit it in a spreadsheet, then Coordinator → Import instrument from workbook…</translation>
        </message>
    </context>
    <context>
        <name>InstrumentProblemsDialog</name>
        <message>
            <source>Problems of the workbook</source>
            <translation>Problems of the workbook</translation>
        </message>
        <message>
            <source>The instrument was not imported</source>
            <translation>The instrument was not imported</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) in {file}. Nothing was imported: fix them in the workbook and import it again.</source>
            <translation>
                <numerusform>%n problem in {file}. Nothing was imported: fix it in the workbook and import it again.</numerusform>
                <numerusform>%n problems in {file}. Nothing was imported: fix them in the workbook and import it again.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Copy the list</source>
            <translation>&amp;Copy the list</translation>
        </message>
    </context>
    <context>
        <name>InstrumentWorkbookImport</name>
        <message>
            <source>Import instrument from workbook</source>
            <translation>Import instrument from workbook</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx);;All files (*)</source>
            <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>The instrument was not imported</source>
            <translation>The instrument was not imported</translation>
        </message>
        <message>
            <source>Imported {title} — {id} {version}: {count} indicators, content hash {hash}.</source>
            <translation>Imported {title} — {id} {version}: {count} indicators, content hash {hash}.</translation>
        </message>
        <message>
            <source>{title} — {id} {version} (content hash {hash}) was already in this data directory.</source>
            <translation>{title} — {id} {version} (content hash {hash}) was already in this data directory.</translation>
        </message>
        <message>
            <source>Instrument imported</source>
            <translation>Instrument imported</translation>
        </message>
    </context>
    <context>
        <name>InterviewActions</name>
        <message>
            <source>Level %1</source>
            <translation>Level %1</translation>
        </message>
        <message>
            <source>Choose rubric level %1 for this indicator</source>
            <translation>Choose rubric level %1 for this indicator</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>Mark this indicator as not applicable</source>
            <translation>Mark this indicator as not applicable</translation>
        </message>
        <message>
            <source>Clear level</source>
            <translation>Clear level</translation>
        </message>
        <message>
            <source>Remove the chosen level</source>
            <translation>Remove the chosen level</translation>
        </message>
        <message>
            <source>Next indicator</source>
            <translation>Next indicator</translation>
        </message>
        <message>
            <source>Go to the next indicator</source>
            <translation>Go to the next indicator</translation>
        </message>
        <message>
            <source>Previous indicator</source>
            <translation>Previous indicator</translation>
        </message>
        <message>
            <source>Go to the previous indicator</source>
            <translation>Go to the previous indicator</translation>
        </message>
        <message>
            <source>Next unscored indicator</source>
            <translation>Next unscored indicator</translation>
        </message>
        <message>
            <source>Jump to the next indicator without a level</source>
            <translation>Jump to the next indicator without a level</translation>
        </message>
        <message>
            <source>Find indicator…</source>
            <translation>Find indicator…</translation>
        </message>
        <message>
            <source>Find an indicator by code or title</source>
            <translation>Find an indicator by code or title</translation>
        </message>
        <message>
            <source>Write note</source>
            <translation>Write note</translation>
        </message>
        <message>
            <source>Put the cursor in the note of this indicator (Esc leaves it)</source>
            <translation>Put the cursor in the note of this indicator (Esc leaves it)</translation>
        </message>
        <message>
            <source>Attach evidence…</source>
            <translation>Attach evidence…</translation>
        </message>
        <message>
            <source>Attach files or photos as evidence for this indicator</source>
            <translation>Attach files or photos as evidence for this indicator</translation>
        </message>
        <message>
            <source>Start timer</source>
            <translation>Start timer</translation>
        </message>
        <message>
            <source>Start or pause the interview timer</source>
            <translation>Start or pause the interview timer</translation>
        </message>
        <message>
            <source>Delegation…</source>
            <translation>Delegation…</translation>
        </message>
        <message>
            <source>Edit the names and roles of the delegation</source>
            <translation>Edit the names and roles of the delegation</translation>
        </message>
        <message>
            <source>Finalize…</source>
            <translation>Finalize…</translation>
        </message>
        <message>
            <source>Check what is missing and finalize the assessment</source>
            <translation>Check what is missing and finalize the assessment</translation>
        </message>
        <message>
            <source>Reopen as new version…</source>
            <translation>Reopen as new version…</translation>
        </message>
        <message>
            <source>Make a new draft version of this finalized assessment, with a reason</source>
            <translation>Make a new draft version of this finalized assessment, with a reason</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Undo the last change to this assessment</source>
            <translation>Undo the last change to this assessment</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>Redo the change last undone</source>
            <translation>Redo the change last undone</translation>
        </message>
        <message>
            <source>Back to schedule</source>
            <translation>Back to schedule</translation>
        </message>
        <message>
            <source>Close this interview and show the schedule</source>
            <translation>Close this interview and show the schedule</translation>
        </message>
        <message>
            <source>Pause timer</source>
            <translation>Pause timer</translation>
        </message>
        <message>
            <source>Resume timer</source>
            <translation>Resume timer</translation>
        </message>
    </context>
    <context>
        <name>InterviewHeader</name>
        <message>
            <source>code %1</source>
            <translation>code %1</translation>
        </message>
        <message>
            <source>reopened version</source>
            <translation>reopened version</translation>
        </message>
        <message>
            <source>Delegation: %1</source>
            <translation>Delegation: %1</translation>
        </message>
        <message>
            <source>Delegation: nobody recorded yet</source>
            <translation>Delegation: nobody recorded yet</translation>
        </message>
    </context>
    <context>
        <name>InterviewTimer</name>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Time is up (+%1)</source>
            <translation>Time is up (+%1)</translation>
        </message>
        <message>
            <source>Interview time elapsed / slot length</source>
            <translation>Interview time elapsed / slot length</translation>
        </message>
    </context>
    <context>
        <name>InterviewView</name>
        <message>
            <source>Attach evidence</source>
            <translation>Attach evidence</translation>
        </message>
        <message>
            <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</source>
            <translation>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx);;All files (*)</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicators</translation>
        </message>
        <message>
            <source>This assessment is finalized and read-only. To change it, reopen it as a new version (Interview → Reopen as new version…, Ctrl+Shift+R).</source>
            <translation>This assessment is finalized and read-only. To change it, reopen it as a new version (Interview → Reopen as new version…, Ctrl+Shift+R).</translation>
        </message>
        <message>
            <source>Every indicator has a level or is marked not applicable.</source>
            <translation>Every indicator has a level or is marked not applicable.</translation>
        </message>
        <message>
            <source>The sheet of this assessment is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>The sheet of this assessment is signed with your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</translation>
        </message>
        <message>
            <source>Not finalized: %1</source>
            <translation>Not finalized: %1</translation>
        </message>
    </context>
    <context>
        <name>LayoutForm</name>
        <message>
            <source>Days and panels</source>
            <translation>Days and panels</translation>
        </message>
        <message>
            <source>Working days from the first day on (Saturdays and Sundays are skipped)</source>
            <translation>Working days from the first day on (Saturdays and Sundays are skipped)</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>e.g. Ruang Garuda; Ruang Merak</source>
            <translation>e.g. Ruang Garuda; Ruang Merak</translation>
        </message>
        <message>
            <source>assessors rotate between panels</source>
            <translation>assessors rotate between panels</translation>
        </message>
        <message>
            <source>every assessor scores a calibration case</source>
            <translation>every assessor scores a calibration case</translation>
        </message>
        <message>
            <source>not linked</source>
            <translation>not linked</translation>
        </message>
        <message>
            <source>&amp;First day:</source>
            <translation>&amp;First day:</translation>
        </message>
        <message>
            <source>Days:</source>
            <translation>Days:</translation>
        </message>
        <message>
            <source>Day starts:</source>
            <translation>Day starts:</translation>
        </message>
        <message>
            <source>Day ends:</source>
            <translation>Day ends:</translation>
        </message>
        <message>
            <source>Slot &amp;length:</source>
            <translation>Slot &amp;length:</translation>
        </message>
        <message>
            <source>&amp;Breaks:</source>
            <translation>&amp;Breaks:</translation>
        </message>
        <message>
            <source>Panels at a time:</source>
            <translation>Panels at a time:</translation>
        </message>
        <message>
            <source>Assessors per panel:</source>
            <translation>Assessors per panel:</translation>
        </message>
        <message>
            <source>Roo&amp;ms:</source>
            <translation>Roo&amp;ms:</translation>
        </message>
        <message>
            <source>Lin&amp;king:</source>
            <translation>Lin&amp;king:</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Sync now</source>
            <translation>&amp;Sync now</translation>
        </message>
        <message>
            <source>Send your finalized and signed assessments to the coordinator's sync service named in the round package</source>
            <translation>Send your finalized and signed assessments to the coordinator's sync service named in the round package</translation>
        </message>
        <message>
            <source>Close Nilai; every change is already saved</source>
            <translation>Close Nilai; every change is already saved</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Interview</source>
            <translation>&amp;Interview</translation>
        </message>
        <message>
            <source>Choose &amp;level</source>
            <translation>Choose &amp;level</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>&amp;Profile…</source>
            <translation>&amp;Profile…</translation>
        </message>
        <message>
            <source>Your name, NIP and organisation</source>
            <translation>Your name, NIP and organisation</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>List every command and its keys</source>
            <translation>List every command and its keys</translation>
        </message>
        <message>
            <source>All changes saved · %1</source>
            <translation>All changes saved · %1</translation>
        </message>
        <message>
            <source>Last change not saved</source>
            <translation>Last change not saved</translation>
        </message>
        <message>
            <source>All changes saved</source>
            <translation>All changes saved</translation>
        </message>
        <message>
            <source>&amp;Open round package…</source>
            <translation>&amp;Open round package…</translation>
        </message>
        <message>
            <source>Take in the round, instrument and interview schedule your coordinator sent</source>
            <translation>Take in the round, instrument and interview schedule your coordinator sent</translation>
        </message>
        <message>
            <source>&amp;Export result bundle…</source>
            <translation>&amp;Export result bundle…</translation>
        </message>
        <message>
            <source>Write a signed bundle of your finalized assessments for your coordinator</source>
            <translation>Write a signed bundle of your finalized assessments for your coordinator</translation>
        </message>
        <message>
            <source>&amp;Restore a backup…</source>
            <translation>&amp;Restore a backup…</translation>
        </message>
        <message>
            <source>Go back to a copy of the data taken at a start or after finalizing</source>
            <translation>Go back to a copy of the data taken at a start or after finalizing</translation>
        </message>
        <message>
            <source>Si&amp;gn this sheet…</source>
            <translation>Si&amp;gn this sheet…</translation>
        </message>
        <message>
            <source>Sign the evaluation sheet of this finalized assessment with your key</source>
            <translation>Sign the evaluation sheet of this finalized assessment with your key</translation>
        </message>
        <message>
            <source>Shee&amp;ts</source>
            <translation>Shee&amp;ts</translation>
        </message>
        <message>
            <source>&amp;Check data now</source>
            <translation>&amp;Check data now</translation>
        </message>
        <message>
            <source>Check the database, the change log, evidence files and signed sheets for damage</source>
            <translation>Check the database, the change log, evidence files and signed sheets for damage</translation>
        </message>
        <message>
            <source>Sheet of %1 signed and kept in Nilai (%2).</source>
            <translation>Sheet of %1 signed and kept in Nilai (%2).</translation>
        </message>
        <message>
            <source>The sheet was not signed: %1</source>
            <translation>The sheet was not signed: %1</translation>
        </message>
        <message>
            <source>Sign this sheet</source>
            <translation>Sign this sheet</translation>
        </message>
        <message>
            <source>No start-up backup</source>
            <translation>No start-up backup</translation>
        </message>
        <message>
            <source>The start-up backup could not be taken: %1</source>
            <translation>The start-up backup could not be taken: %1</translation>
        </message>
        <message>
            <source>&amp;High contrast</source>
            <translation>&amp;High contrast</translation>
        </message>
        <message>
            <source>Black and white, the strongest contrast, for a bright room or weak sight</source>
            <translation>Black and white, the strongest contrast, for a bright room or weak sight</translation>
        </message>
        <message>
            <source>Sync &amp;automatically</source>
            <translation>Sync &amp;automatically</translation>
        </message>
        <message>
            <source>Send finalized and signed assessments to the coordinator&apos;s sync service by themselves when it answers</source>
            <translation>Send finalized and signed assessments to the coordinator&apos;s sync service by themselves when it answers</translation>
        </message>
        <message>
            <source>sign what automatic sync sends to the coordinator&apos;s sync service (asked once per session)</source>
            <translation>sign what automatic sync sends to the coordinator&apos;s sync service (asked once per session)</translation>
        </message>
    </context>
    <context>
        <name>ModerationHistoryModel</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>cleared</source>
            <translation>cleared</translation>
        </message>
    </context>
    <context>
        <name>ModerationPanel</name>
        <message>
            <source>Choose an indicator to moderate</source>
            <translation>Choose an indicator to moderate</translation>
        </message>
        <message>
            <source>Moderated level</source>
            <translation>Moderated level</translation>
        </message>
        <message>
            <source>Why (required; kept in the change log)</source>
            <translation>Why (required; kept in the change log)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>&amp;Set level</source>
            <translation>&amp;Set level</translation>
        </message>
        <message>
            <source>&amp;Clear moderation</source>
            <translation>&amp;Clear moderation</translation>
        </message>
        <message>
            <source>&amp;Level:</source>
            <translation>&amp;Level:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <source>Moderation history</source>
            <translation>Moderation history</translation>
        </message>
        <message>
            <source>History of this region's moderations</source>
            <translation>History of this region's moderations</translation>
        </message>
        <message>
            <source>Moderate %1</source>
            <translation>Moderate %1</translation>
        </message>
        <message>
            <source>Moderated to %1: %2</source>
            <translation>Moderated to %1: %2</translation>
        </message>
        <message>
            <source>Not moderated: the panel's combined level is in force.</source>
            <translation>Not moderated: the panel's combined level is in force.</translation>
        </message>
        <message>
            <source>Give a reason: it is kept in the change log with your name.</source>
            <translation>Give a reason: it is kept in the change log with your name.</translation>
        </message>
    </context>
    <context>
        <name>OfficialRulePanel</name>
        <message>
            <source>Official rule</source>
            <translation>Official rule</translation>
        </message>
        <message>
            <source>&amp;Make this rule official</source>
            <translation>&amp;Make this rule official</translation>
        </message>
        <message>
            <source>The shortlist is made, and exported, with the official rule; the choice is recorded in the round's change log with your name and the time</source>
            <translation>The shortlist is made, and exported, with the official rule; the choice is recorded in the round's change log with your name and the time</translation>
        </message>
        <message>
            <source>Why the adjusted ranking is refused</source>
            <translation>Why the adjusted ranking is refused</translation>
        </message>
        <message>
            <source>Official rule: &lt;b&gt;%1&lt;/b&gt; — chosen by %2 on %3</source>
            <translation>Official rule: &lt;b&gt;%1&lt;/b&gt; — chosen by %2 on %3</translation>
        </message>
        <message>
            <source>Official rule: &lt;b&gt;%1&lt;/b&gt; (the round's setting)</source>
            <translation>Official rule: &lt;b&gt;%1&lt;/b&gt; (the round's setting)</translation>
        </message>
        <message>
            <source>the exports use the official rule</source>
            <translation>the exports use the official rule</translation>
        </message>
        <message>
            <source>the ranking below uses &lt;b&gt;%1&lt;/b&gt;: make it official to export it</source>
            <translation>the ranking below uses &lt;b&gt;%1&lt;/b&gt;: make it official to export it</translation>
        </message>
    </context>
    <context>
        <name>OpenFolderButton</name>
        <message>
            <source>&amp;Open folder</source>
            <translation>&amp;Open folder</translation>
        </message>
    </context>
    <context>
        <name>OutlineModel</name>
        <message>
            <source>needs a note</source>
            <translation>needs a note</translation>
        </message>
        <message>
            <source>needs evidence</source>
            <translation>needs evidence</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>%1: %2 of %3 indicators scored</source>
            <translation>%1: %2 of %3 indicators scored</translation>
        </message>
        <message>
            <source>N/A</source>
            <translation>N/A</translation>
        </message>
        <message>
            <source>level %1</source>
            <translation>level %1</translation>
        </message>
        <message>
            <source>no level</source>
            <translation>no level</translation>
        </message>
        <message>
            <source>%1 (optional)</source>
            <translation>%1 (optional)</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Unlock the signing key</source>
            <translation>Unlock the signing key</translation>
        </message>
        <message>
            <source>Passphrase of %1's signing key (NIP %2).</source>
            <translation>Passphrase of %1's signing key (NIP %2).</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again.</source>
            <translation>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again.</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong passphrases. You can try again in %n second(s).</source>
            <translation>
                <numerusform>Too many wrong passphrases. You can try again in %n second.</numerusform>
                <numerusform>Too many wrong passphrases. You can try again in %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>You can try again now.</translation>
        </message>
    </context>
    <context>
        <name>PasteDialog</name>
        <message>
            <source>Lines of the list and their regions</source>
            <translation>Lines of the list and their regions</translation>
        </message>
        <message>
            <source>Paste a list of candidates</source>
            <translation>Paste a list of candidates</translation>
        </message>
        <message>
            <source>One region a line: its BPS code (e.g. 6303) or its name (e.g. Kota Banjar). Names that fit two regions are asked about, never guessed.</source>
            <translation>One region a line: its BPS code (e.g. 6303) or its name (e.g. Kota Banjar). Names that fit two regions are asked about, never guessed.</translation>
        </message>
        <message>
            <source>Pasted list</source>
            <translation>Pasted list</translation>
        </message>
        <message>
            <source>C&amp;heck the list</source>
            <translation>C&amp;heck the list</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Pasted</source>
            <translation>Pasted</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>&amp;Add the regions</source>
            <translation>&amp;Add the regions</translation>
        </message>
        <message>
            <source>Which region is line %1?</source>
            <translation>Which region is line %1?</translation>
        </message>
        <message>
            <source>? Which one? Choose…</source>
            <translation>? Which one? Choose…</translation>
        </message>
        <message>
            <source>Leave this line out</source>
            <translation>Leave this line out</translation>
        </message>
        <message>
            <source>%1 region(s) to add.</source>
            <translation>%1 region(s) to add.</translation>
        </message>
        <message>
            <source>%1 line(s) name more than one region: choose which in the list.</source>
            <translation>%1 line(s) name more than one region: choose which in the list.</translation>
        </message>
        <message>
            <source>%1 line(s) name no region and will be left out (see why in the list).</source>
            <translation>%1 line(s) name no region and will be left out (see why in the list).</translation>
        </message>
        <message>
            <source>&amp;Add %1 region(s)</source>
            <translation>&amp;Add %1 region(s)</translation>
        </message>
        <message>
            <source>Answer every question in the list first</source>
            <translation>Answer every question in the list first</translation>
        </message>
    </context>
    <context>
        <name>PathField</name>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Choose…</translation>
        </message>
    </context>
    <context>
        <name>PlanWords</name>
        <message>
            <source>no column “%1” (the columns are %2)</source>
            <translation>no column “%1” (the columns are %2)</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>%1 on %2 (%3, %4)</source>
            <translation>%1 on %2 (%3, %4)</translation>
        </message>
        <message>
            <source>declared a conflict with it</source>
            <translation>declared a conflict with it</translation>
        </message>
        <message>
            <source>comes from it</source>
            <translation>comes from it</translation>
        </message>
        <message>
            <source>is from %1</source>
            <translation>is from %1</translation>
        </message>
        <message>
            <source>%1 is not an interview day of the round</source>
            <translation>%1 is not an interview day of the round</translation>
        </message>
        <message>
            <source>%1 for %2 minutes is outside the day (%3–%4)</source>
            <translation>%1 for %2 minutes is outside the day (%3–%4)</translation>
        </message>
        <message>
            <source>%1 for %2 minutes runs into the break %3–%4</source>
            <translation>%1 for %2 minutes runs into the break %3–%4</translation>
        </message>
        <message>
            <source>%1 is not a candidate of the round</source>
            <translation>%1 is not a candidate of the round</translation>
        </message>
        <message>
            <source>assessor %1 is not in the round</source>
            <translation>assessor %1 is not in the round</translation>
        </message>
        <message>
            <source>%1 sits on %2 but %3</source>
            <translation>%1 sits on %2 but %3</translation>
        </message>
        <message>
            <source>%1 assessor(s) on the panel, it needs %2</source>
            <translation>%1 assessor(s) on the panel, it needs %2</translation>
        </message>
        <message>
            <source>%1 is also interviewed at %2</source>
            <translation>%1 is also interviewed at %2</translation>
        </message>
        <message>
            <source>overlaps %1 at %2 in the same room</source>
            <translation>overlaps %1 at %2 in the same room</translation>
        </message>
        <message>
            <source>%1 is also on %2 at %3</source>
            <translation>%1 is also on %2 at %3</translation>
        </message>
        <message>
            <source>%1 has no slot</source>
            <translation>%1 has no slot</translation>
        </message>
        <message>
            <source>%1 candidates in %2 slots on %3 panel-days (%4 panels × %5 days); %6 slots left free</source>
            <translation>%1 candidates in %2 slots on %3 panel-days (%4 panels × %5 days); %6 slots left free</translation>
        </message>
        <message>
            <source>Load balanced: every panel-day has %1 candidates</source>
            <translation>Load balanced: every panel-day has %1 candidates</translation>
        </message>
        <message>
            <source>Load balanced: every panel-day has %1 or %2 candidates</source>
            <translation>Load balanced: every panel-day has %1 or %2 candidates</translation>
        </message>
        <message>
            <source> (or all it holds)</source>
            <translation> (or all it holds)</translation>
        </message>
        <message>
            <source>The conflicts did not allow a load within one candidate per panel-day: loads range from %1 to %2</source>
            <translation>The conflicts did not allow a load within one candidate per panel-day: loads range from %1 to %2</translation>
        </message>
        <message>
            <source>%1 of %2 panel pairs share an assessor or the calibration case</source>
            <translation>%1 of %2 panel pairs share an assessor or the calibration case</translation>
        </message>
        <message>
            <source>%1 of %2 panel pairs share an assessor</source>
            <translation>%1 of %2 panel pairs share an assessor</translation>
        </message>
        <message>
            <source> (at most %1 with %2 panels of %3 a day)</source>
            <translation> (at most %1 with %2 panels of %3 a day)</translation>
        </message>
        <message>
            <source>Every panel is linked to every other through shared assessors, so the ranking can compare their severity</source>
            <translation>Every panel is linked to every other through shared assessors, so the ranking can compare their severity</translation>
        </message>
        <message>
            <source>The panels fall into %1 groups with no assessor in common: the ranking cannot compare severity between them (choose linking rotate, or a calibration case)</source>
            <translation>The panels fall into %1 groups with no assessor in common: the ranking cannot compare severity between them (choose linking rotate, or a calibration case)</translation>
        </message>
        <message>
            <source>Calibration case: %1 is interviewed by all %2 assessors together at %3 on %4</source>
            <translation>Calibration case: %1 is interviewed by all %2 assessors together at %3 on %4</translation>
        </message>
        <message>
            <source>the way panels are linked is not known (%1)</source>
            <translation>the way panels are linked is not known (%1)</translation>
        </message>
        <message>
            <source>a round needs at least one panel of at least one assessor (%1 panels of %2 asked)</source>
            <translation>a round needs at least one panel of at least one assessor (%1 panels of %2 asked)</translation>
        </message>
        <message>
            <source>the round has no candidates to schedule</source>
            <translation>the round has no candidates to schedule</translation>
        </message>
        <message>
            <source>the round has no interview days</source>
            <translation>the round has no interview days</translation>
        </message>
        <message>
            <source>listed more than once: %1</source>
            <translation>listed more than once: %1</translation>
        </message>
        <message>
            <source>panel size %1 × %2 panels needs %3 assessors, the round has %4</source>
            <translation>panel size %1 × %2 panels needs %3 assessors, the round has %4</translation>
        </message>
        <message>
            <source>%1 candidates but only %2 slots (%3 panels, %4 days, slots a day: %5, %6 minutes each)</source>
            <translation>%1 candidates but only %2 slots (%3 panels, %4 days, slots a day: %5, %6 minutes each)</translation>
        </message>
        <message>
            <source>; the calibration case takes the first slot of every room on the first day</source>
            <translation>; the calibration case takes the first slot of every room on the first day</translation>
        </message>
        <message>
            <source> or </source>
            <translation> or </translation>
        </message>
        <message>
            <source>%1: every assessor %2</source>
            <translation>%1: every assessor %2</translation>
        </message>
        <message>
            <source>%1: only %2 of %3 assessors have no conflict with it (the others: %4), a panel needs %5</source>
            <translation>%1: only %2 of %3 assessors have no conflict with it (the others: %4), a panel needs %5</translation>
        </message>
        <message>
            <source>and %1 more candidates like these</source>
            <translation>and %1 more candidates like these</translation>
        </message>
        <message>
            <source>calibration case: every candidate conflicts with at least one assessor, so none can be interviewed by all of them; choose linking rotate</source>
            <translation>calibration case: every candidate conflicts with at least one assessor, so none can be interviewed by all of them; choose linking rotate</translation>
        </message>
        <message>
            <source>calibration case: the first day holds no slot for it</source>
            <translation>calibration case: the first day holds no slot for it</translation>
        </message>
        <message>
            <source>from %1</source>
            <translation>from %1</translation>
        </message>
        <message>
            <source>no seating was found that gives every candidate a panel free of its conflicts: %1 candidates (%2) can sit only before the %3 panel-days with no conflicted assessor, which hold %4 slots; add days or panels, or assessors from other provinces</source>
            <translation>no seating was found that gives every candidate a panel free of its conflicts: %1 candidates (%2) can sit only before the %3 panel-days with no conflicted assessor, which hold %4 slots; add days or panels, or assessors from other provinces</translation>
        </message>
        <message>
            <source>%1: no regency or city has the BPS code %2</source>
            <translation>%1: no regency or city has the BPS code %2</translation>
        </message>
        <message>
            <source>%1: %2 is not in %3</source>
            <translation>%1: %2 is not in %3</translation>
        </message>
        <message>
            <source>%1 is a province code; give a regency or city (four-digit BPS code or name)</source>
            <translation>%1 is a province code; give a regency or city (four-digit BPS code or name)</translation>
        </message>
        <message>
            <source>%1 is not a regency or city name or BPS code</source>
            <translation>%1 is not a regency or city name or BPS code</translation>
        </message>
        <message>
            <source>%1 is a province; give a regency or city</source>
            <translation>%1 is a province; give a regency or city</translation>
        </message>
        <message>
            <source>%1 is not a regency or city in %2</source>
            <translation>%1 is not a regency or city in %2</translation>
        </message>
        <message>
            <source>%1 is not a regency or city</source>
            <translation>%1 is not a regency or city</translation>
        </message>
        <message>
            <source> (did you mean %1?)</source>
            <translation> (did you mean %1?)</translation>
        </message>
        <message>
            <source>the cells of this row name different regions (%1); keep one</source>
            <translation>the cells of this row name different regions (%1); keep one</translation>
        </message>
        <message>
            <source> and </source>
            <translation> and </translation>
        </message>
        <message>
            <source>sheet %1</source>
            <translation>sheet %1</translation>
        </message>
        <message>
            <source>row %1</source>
            <translation>row %1</translation>
        </message>
        <message>
            <source>column %1</source>
            <translation>column %1</translation>
        </message>
        <message>
            <source>the assessor's name is empty</source>
            <translation>the assessor's name is empty</translation>
        </message>
        <message>
            <source>“%1” is not a NIP (digits only)</source>
            <translation>“%1” is not a NIP (digits only)</translation>
        </message>
        <message>
            <source>%1 was kept as a number and has lost its last digits; format the column as Text and type the NIP again</source>
            <translation>%1 was kept as a number and has lost its last digits; format the column as Text and type the NIP again</translation>
        </message>
        <message>
            <source>“%1” is not a province</source>
            <translation>“%1” is not a province</translation>
        </message>
        <message>
            <source>“%1” is ambiguous: %2; write the BPS code</source>
            <translation>“%1” is ambiguous: %2; write the BPS code</translation>
        </message>
        <message>
            <source>NIP %1 is also on row %2</source>
            <translation>NIP %1 is also on row %2</translation>
        </message>
        <message>
            <source>the sheet has no assessor rows</source>
            <translation>the sheet has no assessor rows</translation>
        </message>
        <message>
            <source>no column “name” (the columns are %1); start from the assessors template</source>
            <translation>no column “name” (the columns are %1); start from the assessors template</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>File &amp;name:</source>
            <translation>File &amp;name:</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>All Files (*)</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Forward</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Parent Directory</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Create New Folder</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>List View</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Detail View</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Recent Places</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Directory:</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>Show &amp;hidden files</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Rename</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>&amp;New Folder</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Files</translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Date Modified</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Computer</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Select All</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Show Details...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Hide Details...</translation>
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
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Yes</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;No</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Help</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>Cu&amp;t</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Paste</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Select All</translation>
        </message>
    </context>
    <context>
        <name>RankingBarChart</name>
        <message>
            <source>%1 regions ranked; shortlist cut-offs at %2</source>
            <translation>%1 regions ranked; shortlist cut-offs at %2</translation>
        </message>
        <message>
            <source>Panel scores in ranking order</source>
            <translation>Panel scores in ranking order</translation>
        </message>
        <message>
            <source>on every shortlist</source>
            <translation>on every shortlist</translation>
        </message>
        <message>
            <source>on the larger</source>
            <translation>on the larger</translation>
        </message>
        <message>
            <source>tie at a cut-off</source>
            <translation>tie at a cut-off</translation>
        </message>
        <message>
            <source>not shortlisted</source>
            <translation>not shortlisted</translation>
        </message>
        <message>
            <source>No region has a panel score yet</source>
            <translation>No region has a panel score yet</translation>
        </message>
        <message>
            <source>place in the ranking</source>
            <translation>place in the ranking</translation>
        </message>
        <message>
            <source>top %1</source>
            <translation>top %1</translation>
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
            <translation>tie</translation>
        </message>
        <message>
            <source>straddles cut-off %1</source>
            <translation>straddles cut-off %1</translation>
        </message>
        <message>
            <source>tie-break</source>
            <translation>tie-break</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rank</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Province</translation>
        </message>
        <message>
            <source>Panel score</source>
            <translation>Panel score</translation>
        </message>
        <message>
            <source>Assessors</source>
            <translation>Assessors</translation>
        </message>
        <message>
            <source>Spread ≥2</source>
            <translation>Spread ≥2</translation>
        </message>
        <message>
            <source>Moderated</source>
            <translation>Moderated</translation>
        </message>
        <message>
            <source>Rank by mean</source>
            <translation>Rank by mean</translation>
        </message>
        <message>
            <source>Top %1</source>
            <translation>Top %1</translation>
        </message>
        <message>
            <source>Ties</source>
            <translation>Ties</translation>
        </message>
        <message>
            <source>Standard competition rank (1, 2, 2, 4); regions without a panel score are not ranked</source>
            <translation>Standard competition rank (1, 2, 2, 4); regions without a panel score are not ranked</translation>
        </message>
        <message>
            <source>Panel score 0–100 under the chosen aggregation rule</source>
            <translation>Panel score 0–100 under the chosen aggregation rule</translation>
        </message>
        <message>
            <source>The rank by the mean of the assessors' own levels; ▲/▼ how far the adjustment moved the region, ⇅ it crossed a shortlist cut-off</source>
            <translation>The rank by the mean of the assessors' own levels; ▲/▼ how far the adjustment moved the region, ⇅ it crossed a shortlist cut-off</translation>
        </message>
        <message>
            <source>Counted assessments (of the assessors seated on the panel)</source>
            <translation>Counted assessments (of the assessors seated on the panel)</translation>
        </message>
        <message>
            <source>Indicators where assessors differ by two levels or more</source>
            <translation>Indicators where assessors differ by two levels or more</translation>
        </message>
        <message>
            <source>Indicators with a moderated level</source>
            <translation>Indicators with a moderated level</translation>
        </message>
        <message>
            <source>On the shortlist of %1: ✓ yes, tie: a tie straddles the cut-off</source>
            <translation>On the shortlist of %1: ✓ yes, tie: a tie straddles the cut-off</translation>
        </message>
        <message>
            <source>Regions with the same panel score: separated by tie-breakers, genuinely tied (=), or straddling a cut-off (for the coordinator to decide)</source>
            <translation>Regions with the same panel score: separated by tie-breakers, genuinely tied (=), or straddling a cut-off (for the coordinator to decide)</translation>
        </message>
        <message>
            <source>Genuinely tied with %1 (same score and every tie-breaker)</source>
            <translation>Genuinely tied with %1 (same score and every tie-breaker)</translation>
        </message>
        <message>
            <source>%1 missing, %2 in conflict</source>
            <translation>%1 missing, %2 in conflict</translation>
        </message>
        <message>
            <source>Adjusted for assessor severity, this region moves across the cut-off of the top %1 (see Region detail and Assessor severity for why)</source>
            <translation>Adjusted for assessor severity, this region moves across the cut-off of the top %1 (see Region detail and Assessor severity for why)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>warning</translation>
        </message>
    </context>
    <context>
        <name>RankingTab</name>
        <message>
            <source>Aggregation rule</source>
            <translation>Aggregation rule</translation>
        </message>
        <message>
            <source>How the assessors' levels of one indicator are combined; the ranking is recomputed in the background</source>
            <translation>How the assessors' levels of one indicator are combined; the ranking is recomputed in the background</translation>
        </message>
        <message>
            <source>Filter by region, code or province</source>
            <translation>Filter by region, code or province</translation>
        </message>
        <message>
            <source>Filter the ranking</source>
            <translation>Filter the ranking</translation>
        </message>
        <message>
            <source>Recomputing…</source>
            <translation>Recomputing…</translation>
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
            <translation>PDF report…</translation>
        </message>
        <message>
            <source>Sign the PDF</source>
            <translation>Sign the PDF</translation>
        </message>
        <message>
            <source>Sign the report with this data directory's key (asks the passphrase)</source>
            <translation>Sign the report with this data directory's key (asks the passphrase)</translation>
        </message>
        <message>
            <source>The ranking, and every level behind it in a second CSV</source>
            <translation>The ranking, and every level behind it in a second CSV</translation>
        </message>
        <message>
            <source>Ranking, Scores and Method sheets</source>
            <translation>Ranking, Scores and Method sheets</translation>
        </message>
        <message>
            <source>The ranking report: method, agreement, charts, table</source>
            <translation>The ranking report: method, agreement, charts, table</translation>
        </message>
        <message>
            <source>&amp;Rule:</source>
            <translation>&amp;Rule:</translation>
        </message>
        <message>
            <source>Export:</source>
            <translation>Export:</translation>
        </message>
        <message>
            <source>Agreement between assessors</source>
            <translation>Agreement between assessors</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Ranking</translation>
        </message>
        <message>
            <source>Refused for this round: its panels are not linked</source>
            <translation>Refused for this round: its panels are not linked</translation>
        </message>
        <message>
            <source>Each assessor's levels corrected for their severity, estimated from the regions assessors scored in common</source>
            <translation>Each assessor's levels corrected for their severity, estimated from the regions assessors scored in common</translation>
        </message>
        <message>
            <source>&lt;b&gt;Agreement&lt;/b&gt; — Krippendorff's α (ordinal) / Gwet's AC1 / AC2: round &lt;b&gt;%1&lt;/b&gt;; by dimension: %2 · ICC(1,1) of the assessors' totals: &lt;b&gt;%3&lt;/b&gt; · %4 indicator(s) with a spread of 2 levels or more, in %5 region(s) · rule: %6</source>
            <translation>&lt;b&gt;Agreement&lt;/b&gt; — Krippendorff's α (ordinal) / Gwet's AC1 / AC2: round &lt;b&gt;%1&lt;/b&gt;; by dimension: %2 · ICC(1,1) of the assessors' totals: &lt;b&gt;%3&lt;/b&gt; · %4 indicator(s) with a spread of 2 levels or more, in %5 region(s) · rule: %6</translation>
        </message>
        <message>
            <source>Top %1: %2 certain; a tie of %3 regions (%4) straddles the cut-off for %5 place(s) — for the coordinator to decide</source>
            <translation>Top %1: %2 certain; a tie of %3 regions (%4) straddles the cut-off for %5 place(s) — for the coordinator to decide</translation>
        </message>
        <message>
            <source>Top %1: %2 regions</source>
            <translation>Top %1: %2 regions</translation>
        </message>
        <message>
            <source>%1 of %2 regions ranked</source>
            <translation>%1 of %2 regions ranked</translation>
        </message>
    </context>
    <context>
        <name>RankingTableView</name>
        <message>
            <source>top %1</source>
            <translation>top %1</translation>
        </message>
    </context>
    <context>
        <name>RegionDetailModel</name>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Raw mean</source>
            <translation>Raw mean</translation>
        </message>
        <message>
            <source>Adjusted</source>
            <translation>Adjusted</translation>
        </message>
        <message>
            <source>Combined</source>
            <translation>Combined</translation>
        </message>
        <message>
            <source>In force</source>
            <translation>In force</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>Spread</translation>
        </message>
        <message>
            <source>Severity %1 ± %2 points (%3 levels): positive scores lower than the average assessor</source>
            <translation>Severity %1 ± %2 points (%3 levels): positive scores lower than the average assessor</translation>
        </message>
        <message>
            <source>The mean of the assessors' own levels, before the adjustment</source>
            <translation>The mean of the assessors' own levels, before the adjustment</translation>
        </message>
        <message>
            <source>The mean of the levels after each is corrected for its assessor's severity</source>
            <translation>The mean of the levels after each is corrected for its assessor's severity</translation>
        </message>
        <message>
            <source>The assessors' levels combined with the round's rule</source>
            <translation>The assessors' levels combined with the round's rule</translation>
        </message>
        <message>
            <source>The moderated level where the coordinator set one, else the combined level</source>
            <translation>The moderated level where the coordinator set one, else the combined level</translation>
        </message>
        <message>
            <source>Highest minus lowest level; flagged from 2 levels</source>
            <translation>Highest minus lowest level; flagged from 2 levels</translation>
        </message>
        <message>
            <source>%1 (moderated)</source>
            <translation>%1 (moderated)</translation>
        </message>
        <message>
            <source>Moderated: %1</source>
            <translation>Moderated: %1</translation>
        </message>
        <message>
            <source>The assessors differ by %1 levels</source>
            <translation>The assessors differ by %1 levels</translation>
        </message>
        <message>
            <source>erratic</source>
            <translation>erratic</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>halo</translation>
        </message>
        <message>
            <source>n/a</source>
            <translation>n/a</translation>
        </message>
        <message>
            <source>Evidence: %1</source>
            <translation>Evidence: %1</translation>
        </message>
    </context>
    <context>
        <name>RegionDetailTab</name>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation>Re&amp;gion:</translation>
        </message>
        <message>
            <source>Levels per indicator</source>
            <translation>Levels per indicator</translation>
        </message>
        <message>
            <source>Notes and evidence</source>
            <translation>Notes and evidence</translation>
        </message>
        <message>
            <source>Loading the region</source>
            <translation>Loading the region</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; (%2), %3 · rank &lt;b&gt;%4&lt;/b&gt; · panel score &lt;b&gt;%5&lt;/b&gt; · %6 assessor(s) · %7 flagged · %8 moderated</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; (%2), %3 · rank &lt;b&gt;%4&lt;/b&gt; · panel score &lt;b&gt;%5&lt;/b&gt; · %6 assessor(s) · %7 flagged · %8 moderated</translation>
        </message>
        <message>
            <source>Adjusted score: none — the round's panels are not linked (see Assessor severity)</source>
            <translation>Adjusted score: none — the round's panels are not linked (see Assessor severity)</translation>
        </message>
        <message>
            <source>erratic</source>
            <translation>erratic</translation>
        </message>
        <message>
            <source>halo</source>
            <translation>halo</translation>
        </message>
        <message>
            <source>fits</source>
            <translation>fits</translation>
        </message>
        <message>
            <source>Raw mean &lt;b&gt;%1&lt;/b&gt; · adjusted for assessor severity &lt;b&gt;%2&lt;/b&gt; · the panel's severities (points ± SE; + stricter): %3</source>
            <translation>Raw mean &lt;b&gt;%1&lt;/b&gt; · adjusted for assessor severity &lt;b&gt;%2&lt;/b&gt; · the panel's severities (points ± SE; + stricter): %3</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>not applicable</translation>
        </message>
        <message>
            <source>no note</source>
            <translation>no note</translation>
        </message>
        <message>
            <source>no evidence</source>
            <translation>no evidence</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
    </context>
    <context>
        <name>RegionModel</name>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Province</translation>
        </message>
        <message>
            <source>In the round</source>
            <translation>In the round</translation>
        </message>
    </context>
    <context>
        <name>RegionRadarChart</name>
        <message>
            <source>Dimensions of %1 against the round median</source>
            <translation>Dimensions of %1 against the round median</translation>
        </message>
        <message>
            <source>Dimensions against the round median</source>
            <translation>Dimensions against the round median</translation>
        </message>
        <message>
            <source>region</source>
            <translation>region</translation>
        </message>
        <message>
            <source>round median</source>
            <translation>round median</translation>
        </message>
        <message>
            <source>Choose a region with a panel score</source>
            <translation>Choose a region with a panel score</translation>
        </message>
    </context>
    <context>
        <name>ReopenDialog</name>
        <message>
            <source>Reason for reopening</source>
            <translation>Reason for reopening</translation>
        </message>
        <message>
            <source>Reopen as a new version</source>
            <translation>Reopen as a new version</translation>
        </message>
        <message>
            <source>The finalized assessment of %1 stays as it is; a new draft version is made from it. Say why it is reopened: the reason is kept in the assessment's history.</source>
            <translation>The finalized assessment of %1 stays as it is; a new draft version is made from it. Say why it is reopened: the reason is kept in the assessment's history.</translation>
        </message>
        <message>
            <source>Reason (required), e.g. the delegation sent the regulation afterwards</source>
            <translation>Reason (required), e.g. the delegation sent the regulation afterwards</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Reopen</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Backups of this data directory</source>
            <translation>Backups of this data directory</translation>
        </message>
        <message>
            <source>at start-up</source>
            <translation>at start-up</translation>
        </message>
        <message>
            <source>after finalizing</source>
            <translation>after finalizing</translation>
        </message>
        <message>
            <source>by hand</source>
            <translation>by hand</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>before a restore</translation>
        </message>
        <message>
            <source>damaged, set aside</source>
            <translation>damaged, set aside</translation>
        </message>
        <message>
            <source>before a program update</source>
            <translation>before a program update</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>Restore this backup?</translation>
        </message>
        <message>
            <source>Nilai will close the data, put the backup from %1 in its place and open it again. Changes made since then will be gone; the database as it is now is kept in the backups folder, so restoring that copy brings them back.</source>
            <translation>Nilai will close the data, put the backup from %1 in its place and open it again. Changes made since then will be gone; the database as it is now is kept in the backups folder, so restoring that copy brings them back.</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>Nilai keeps a copy of the data at every start and after every finalized assessment. Choose the copy to go back to.</source>
            <translation>Nilai keeps a copy of the data at every start and after every finalized assessment. Choose the copy to go back to.</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>Taken</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>There is no backup in this data directory yet.</source>
            <translation>There is no backup in this data directory yet.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Restore…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
    </context>
    <context>
        <name>RoundImport</name>
        <message>
            <source>Open the round package from your coordinator</source>
            <translation>Open the round package from your coordinator</translation>
        </message>
        <message>
            <source>Nilai round packages (*%1);;All files (*)</source>
            <translation>Nilai round packages (*%1);;All files (*)</translation>
        </message>
        <message>
            <source>Round “%1” is already up to date.</source>
            <translation>Round “%1” is already up to date.</translation>
        </message>
        <message>
            <source>This package (version %1) brings nothing new; nothing was changed.</source>
            <translation>This package (version %1) brings nothing new; nothing was changed.</translation>
        </message>
        <message>
            <source>Round “%1” is ready.</source>
            <translation>Round “%1” is ready.</translation>
        </message>
        <message>
            <source>Round “%1” was updated.</source>
            <translation>Round “%1” was updated.</translation>
        </message>
        <message>
            <source>Package version %1: %2 interview slots, %3 of them on your panels.</source>
            <translation>Package version %1: %2 interview slots, %3 of them on your panels.</translation>
        </message>
        <message>
            <source>Slots added: %1 · moved or changed: %2 · removed: %3.</source>
            <translation>Slots added: %1 · moved or changed: %2 · removed: %3.</translation>
        </message>
        <message>
            <source>Scores already entered are never touched by a round package.</source>
            <translation>Scores already entered are never touched by a round package.</translation>
        </message>
        <message>
            <source>Signed by the coordinator certificate %1…</source>
            <translation>Signed by the coordinator certificate %1…</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Nothing was changed.</translation>
        </message>
        <message>
            <source>Round package</source>
            <translation>Round package</translation>
        </message>
        <message>
            <source>The round package was not taken in.</source>
            <translation>The round package was not taken in.</translation>
        </message>
        <message>
            <source>Taking in the round package</source>
            <translation>Taking in the round package</translation>
        </message>
    </context>
    <context>
        <name>RoundPage</name>
        <message>
            <source>1 · Round</source>
            <translation>1 · Round</translation>
        </message>
        <message>
            <source>Name the round and choose its instrument. Each field is saved as soon as you leave it; Ctrl+Z takes the last change back.</source>
            <translation>Name the round and choose its instrument. Each field is saved as soon as you leave it; Ctrl+Z takes the last change back.</translation>
        </message>
        <message>
            <source>e.g. Gerakan Menuju 100 Smart City 2026 — interviews</source>
            <translation>e.g. Gerakan Menuju 100 Smart City 2026 — interviews</translation>
        </message>
        <message>
            <source>e.g. Wawancara (interviews)</source>
            <translation>e.g. Wawancara (interviews)</translation>
        </message>
        <message>
            <source>e.g. 75, 50</source>
            <translation>e.g. 75, 50</translation>
        </message>
        <message>
            <source>How many candidates each shortlist keeps, largest first</source>
            <translation>How many candidates each shortlist keeps, largest first</translation>
        </message>
        <message>
            <source>From a &amp;file…</source>
            <translation>From a &amp;file…</translation>
        </message>
        <message>
            <source>Create the round</source>
            <translation>Create the round</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Pro&amp;gramme:</source>
            <translation>Pro&amp;gramme:</translation>
        </message>
        <message>
            <source>Stag&amp;e:</source>
            <translation>Stag&amp;e:</translation>
        </message>
        <message>
            <source>Starts on:</source>
            <translation>Starts on:</translation>
        </message>
        <message>
            <source>Ends on:</source>
            <translation>Ends on:</translation>
        </message>
        <message>
            <source>Shortlist si&amp;zes:</source>
            <translation>Shortlist si&amp;zes:</translation>
        </message>
        <message>
            <source>Instru&amp;ment:</source>
            <translation>Instru&amp;ment:</translation>
        </message>
        <message>
            <source>%1 (version %2, built in)</source>
            <translation>%1 (version %2, built in)</translation>
        </message>
        <message>
            <source>An instrument written in an XLSForm-style workbook (.xlsx) or in YAML</source>
            <translation>An instrument written in an XLSForm-style workbook (.xlsx) or in YAML</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>Preview…</translation>
        </message>
        <message>
            <source>The interview screen and the evaluation sheet with this instrument</source>
            <translation>The interview screen and the evaluation sheet with this instrument</translation>
        </message>
        <message>
            <source>%1 (version %2, in this data directory)</source>
            <translation>%1 (version %2, in this data directory)</translation>
        </message>
        <message>
            <source>Scoring has started: the instrument can no longer change</source>
            <translation>Scoring has started: the instrument can no longer change</translation>
        </message>
        <message>
            <source>The instrument the assessors score with</source>
            <translation>The instrument the assessors score with</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>not created yet</translation>
        </message>
        <message>
            <source>The round needs a name: type one in Name, then create it.</source>
            <translation>The round needs a name: type one in Name, then create it.</translation>
        </message>
        <message>
            <source>Shortlist sizes are whole numbers separated by commas, e.g. 75, 50.</source>
            <translation>Shortlist sizes are whole numbers separated by commas, e.g. 75, 50.</translation>
        </message>
        <message>
            <source>Round “%1” created: now add its candidates (Ctrl+2).</source>
            <translation>Round “%1” created: now add its candidates (Ctrl+2).</translation>
        </message>
        <message>
            <source>The round needs a name; the old one is kept.</source>
            <translation>The round needs a name; the old one is kept.</translation>
        </message>
        <message>
            <source>round name</source>
            <translation>round name</translation>
        </message>
        <message>
            <source>programme</source>
            <translation>programme</translation>
        </message>
        <message>
            <source>stage</source>
            <translation>stage</translation>
        </message>
        <message>
            <source>first day</source>
            <translation>first day</translation>
        </message>
        <message>
            <source>last day</source>
            <translation>last day</translation>
        </message>
        <message>
            <source>shortlist sizes</source>
            <translation>shortlist sizes</translation>
        </message>
        <message>
            <source>instrument</source>
            <translation>instrument</translation>
        </message>
        <message>
            <source>Open an instrument</source>
            <translation>Open an instrument</translation>
        </message>
        <message>
            <source>Instruments (*.yaml *.yml *.xlsx);;All files (*)</source>
            <translation>Instruments (*.yaml *.yml *.xlsx);;All files (*)</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was read; the first: %3</source>
            <translation>%1: %2 problem(s), nothing was read; the first: %3</translation>
        </message>
        <message>
            <source>Instrument “%1” read from %2.</source>
            <translation>Instrument “%1” read from %2.</translation>
        </message>
    </context>
    <context>
        <name>RubricLevels</name>
        <message>
            <source>needs a note</source>
            <translation>needs a note</translation>
        </message>
        <message>
            <source>needs evidence</source>
            <translation>needs evidence</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>Level %1</translation>
        </message>
        <message>
            <source>Choose level %1 (key %1)</source>
            <translation>Choose level %1 (key %1)</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>This indicator does not apply to the region; it is left out of the score.</source>
            <translation>This indicator does not apply to the region; it is left out of the score.</translation>
        </message>
        <message>
            <source>Mark as not applicable (key N or 0)</source>
            <translation>Mark as not applicable (key N or 0)</translation>
        </message>
        <message>
            <source>Rubric levels</source>
            <translation>Rubric levels</translation>
        </message>
    </context>
    <context>
        <name>RuleNames</name>
        <message>
            <source>Mean</source>
            <translation>Mean</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>Median</translation>
        </message>
        <message>
            <source>Trimmed mean</source>
            <translation>Trimmed mean</translation>
        </message>
        <message>
            <source>Adjusted for assessor severity</source>
            <translation>Adjusted for assessor severity</translation>
        </message>
    </context>
    <context>
        <name>ScheduleModel</name>
        <message>
            <source>Region</source>
            <translation>Region</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>%1 of %2 indicators scored</source>
            <translation>%1 of %2 indicators scored</translation>
        </message>
        <message>
            <source>%1 of %2 finalized</source>
            <translation>%1 of %2 finalized</translation>
        </message>
        <message>
            <source>Today — %1</source>
            <translation>Today — %1</translation>
        </message>
        <message>
            <source>Next to do — %1</source>
            <translation>Next to do — %1</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>4 · Panels and schedule</source>
            <translation>4 · Panels and schedule</translation>
        </message>
        <message>
            <source>Lay out the days and panels, then generate: every candidate is interviewed once by a full panel, nobody sits on a candidate they have a conflict with, and assessors rotate between panels so that panels stay linked. Move slots with the mouse, or with Ctrl+arrow keys and Ctrl+X / Ctrl+V.</source>
            <translation>Lay out the days and panels, then generate: every candidate is interviewed once by a full panel, nobody sits on a candidate they have a conflict with, and assessors rotate between panels so that panels stay linked. Move slots with the mouse, or with Ctrl+arrow keys and Ctrl+X / Ctrl+V.</translation>
        </message>
        <message>
            <source>&amp;Generate the schedule</source>
            <translation>&amp;Generate the schedule</translation>
        </message>
        <message>
            <source>Seat assessors on this panel…</source>
            <translation>Seat assessors on this panel…</translation>
        </message>
        <message>
            <source>Who sits on the panel of the selected slot that day (or double-click the panel's heading)</source>
            <translation>Who sits on the panel of the selected slot that day (or double-click the panel's heading)</translation>
        </message>
        <message>
            <source>Interview days</source>
            <translation>Interview days</translation>
        </message>
        <message>
            <source>Interview slots</source>
            <translation>Interview slots</translation>
        </message>
        <message>
            <source>Problems of the schedule</source>
            <translation>Problems of the schedule</translation>
        </message>
        <message>
            <source>not generated yet</source>
            <translation>not generated yet</translation>
        </message>
        <message>
            <source>%1 slot(s)</source>
            <translation>%1 slot(s)</translation>
        </message>
        <message>
            <source>, ⚠ %1 problem(s)</source>
            <translation>, ⚠ %1 problem(s)</translation>
        </message>
        <message>
            <source>Day %1 · %2 · %3 slot(s)</source>
            <translation>Day %1 · %2 · %3 slot(s)</translation>
        </message>
        <message>
            <source>No schedule yet: lay out the days and panels, then generate.</source>
            <translation>No schedule yet: lay out the days and panels, then generate.</translation>
        </message>
        <message>
            <source>%1 problem(s) to solve (Enter on one shows its slot):</source>
            <translation>%1 problem(s) to solve (Enter on one shows its slot):</translation>
        </message>
        <message>
            <source>✓ No problems: every candidate once, full panels, no conflict.</source>
            <translation>✓ No problems: every candidate once, full panels, no conflict.</translation>
        </message>
        <message>
            <source>Why it matters: the ranking can compare the severity of panels only through the assessors they share; panels with no chain of shared assessors cannot be compared fairly.</source>
            <translation>Why it matters: the ranking can compare the severity of panels only through the assessors they share; panels with no chain of shared assessors cannot be compared fairly.</translation>
        </message>
        <message>
            <source>All panels are connected through shared assessors.</source>
            <translation>All panels are connected through shared assessors.</translation>
        </message>
        <message>
            <source>⚠ The panels fall into %1 groups with no assessor in common.</source>
            <translation>⚠ The panels fall into %1 groups with no assessor in common.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Linked: %1% of panel pairs&lt;/b&gt; share an assessor. %2&lt;br&gt;%3</source>
            <translation>&lt;b&gt;Linked: %1% of panel pairs&lt;/b&gt; share an assessor. %2&lt;br&gt;%3</translation>
        </message>
        <message>
            <source>Breaks are written HH:MM-HH:MM, separated by semicolons, e.g. 12:00-13:00; 15:00-15:15.</source>
            <translation>Breaks are written HH:MM-HH:MM, separated by semicolons, e.g. 12:00-13:00; 15:00-15:15.</translation>
        </message>
        <message>
            <source>days and panels</source>
            <translation>days and panels</translation>
        </message>
        <message>
            <source>Generating the schedule…</source>
            <translation>Generating the schedule…</translation>
        </message>
        <message>
            <source>Generating the schedule</source>
            <translation>Generating the schedule</translation>
        </message>
        <message>
            <source>generate the schedule</source>
            <translation>generate the schedule</translation>
        </message>
        <message>
            <source>Schedule generated: %1 slot(s), %2% of panel pairs linked.</source>
            <translation>Schedule generated: %1 slot(s), %2% of panel pairs linked.</translation>
        </message>
        <message>
            <source>No schedule fits: %1</source>
            <translation>No schedule fits: %1</translation>
        </message>
        <message>
            <source>Choose a slot of the panel first (the panel has no slot that day).</source>
            <translation>Choose a slot of the panel first (the panel has no slot that day).</translation>
        </message>
        <message>
            <source>seat %1 on %2</source>
            <translation>seat %1 on %2</translation>
        </message>
        <message>
            <source>move %1 to %2 %3</source>
            <translation>move %1 to %2 %3</translation>
        </message>
        <message>
            <source>%1 cut: choose a cell (any day) and press Ctrl+V.</source>
            <translation>%1 cut: choose a cell (any day) and press Ctrl+V.</translation>
        </message>
        <message>
            <source> (at most %1 with %2 panels of %3 a day)</source>
            <translation> (at most %1 with %2 panels of %3 a day)</translation>
        </message>
        <message>
            <source>&lt;b&gt;Linked: %1 of panel pairs&lt;/b&gt; share an assessor%2. %3&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</source>
            <translation>&lt;b&gt;Linked: %1 of panel pairs&lt;/b&gt; share an assessor%2. %3&lt;br&gt;&lt;small&gt;%4&lt;/small&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Load&lt;/b&gt;</source>
            <translation>&lt;b&gt;Load&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Notes&lt;/b&gt;</source>
            <translation>&lt;b&gt;Notes&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>ScheduleView</name>
        <message>
            <source>Calibration feedback…</source>
            <translation>Calibration feedback…</translation>
        </message>
        <message>
            <source>Your levels on the calibration case beside the group median, from your coordinator's round package</source>
            <translation>Your levels on the calibration case beside the group median, from your coordinator's round package</translation>
        </message>
        <message>
            <source>Calibration feedback</source>
            <translation>Calibration feedback</translation>
        </message>
        <message>
            <source>Search by region name, code or province</source>
            <translation>Search by region name, code or province</translation>
        </message>
        <message>
            <source>Search by region name, code or province (Ctrl+F)</source>
            <translation>Search by region name, code or province (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search the schedule</source>
            <translation>Search the schedule</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Work left (not finalized)</source>
            <translation>Work left (not finalized)</translation>
        </message>
        <message>
            <source>Show only interviews with this status</source>
            <translation>Show only interviews with this status</translation>
        </message>
        <message>
            <source>Open interview</source>
            <translation>Open interview</translation>
        </message>
        <message>
            <source>Open the selected interview (Enter)</source>
            <translation>Open the selected interview (Enter)</translation>
        </message>
        <message>
            <source>There is no interview schedule in this data directory yet.

Import the round package from your coordinator (File → Open round package…), or try the program with a demo round (nilai demo).

Preparing a round as its coordinator? Coordinator → New round… (Ctrl+Shift+N).</source>
            <translation>There is no interview schedule in this data directory yet.

Import the round package from your coordinator (File → Open round package…), or try the program with a demo round (nilai demo).

Preparing a round as its coordinator? Coordinator → New round… (Ctrl+Shift+N).</translation>
        </message>
        <message>
            <source>Loading the schedule</source>
            <translation>Loading the schedule</translation>
        </message>
        <message>
            <source>You are not on any panel of this round, so every interview is shown.</source>
            <translation>You are not on any panel of this round, so every interview is shown.</translation>
        </message>
        <message>
            <source>The schedule could not be loaded: %1</source>
            <translation>The schedule could not be loaded: %1</translation>
        </message>
        <message>
            <source>Status shown</source>
            <translation>Status shown</translation>
        </message>
        <message>
            <source>Interview schedule</source>
            <translation>Interview schedule</translation>
        </message>
    </context>
    <context>
        <name>ScoreHistogram</name>
        <message>
            <source>Distribution of panel scores</source>
            <translation>Distribution of panel scores</translation>
        </message>
        <message>
            <source>top %1 from %2</source>
            <translation>top %1 from %2</translation>
        </message>
        <message>
            <source>No region has a panel score yet</source>
            <translation>No region has a panel score yet</translation>
        </message>
        <message>
            <source>panel score (regions per 5 points)</source>
            <translation>panel score (regions per 5 points)</translation>
        </message>
    </context>
    <context>
        <name>SeatDialog</name>
        <message>
            <source>Seat assessors</source>
            <translation>Seat assessors</translation>
        </message>
        <message>
            <source>Who sits on %1? The panel has %2 seat(s).</source>
            <translation>Who sits on %1? The panel has %2 seat(s).</translation>
        </message>
        <message>
            <source>Assessors of the round</source>
            <translation>Assessors of the round</translation>
        </message>
        <message>
            <source>Space ticks or unticks the assessor under the cursor.</source>
            <translation>Space ticks or unticks the assessor under the cursor.</translation>
        </message>
    </context>
    <context>
        <name>SetupHistory</name>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Could not undo or redo “%1”: %2</source>
            <translation>Could not undo or redo “%1”: %2</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>Undone: %1</translation>
        </message>
        <message>
            <source>Redone: %1</source>
            <translation>Redone: %1</translation>
        </message>
        <message>
            <source>Every one of these regions is already a candidate.</source>
            <translation>Every one of these regions is already a candidate.</translation>
        </message>
    </context>
    <context>
        <name>SetupWorkspace</name>
        <message>
            <source>&amp;Round</source>
            <translation>&amp;Round</translation>
        </message>
        <message>
            <source>&amp;Candidates</source>
            <translation>&amp;Candidates</translation>
        </message>
        <message>
            <source>A&amp;ssessors</source>
            <translation>A&amp;ssessors</translation>
        </message>
        <message>
            <source>&amp;Panels and schedule</source>
            <translation>&amp;Panels and schedule</translation>
        </message>
        <message>
            <source>Hand &amp;out</source>
            <translation>Hand &amp;out</translation>
        </message>
        <message>
            <source>Steps of the round setup</source>
            <translation>Steps of the round setup</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>Ne&amp;w round…</source>
            <translation>Ne&amp;w round…</translation>
        </message>
        <message>
            <source>Every change is saved as you make it.</source>
            <translation>Every change is saved as you make it.</translation>
        </message>
        <message>
            <source>Create the round first (step 1).</source>
            <translation>Create the round first (step 1).</translation>
        </message>
        <message>
            <source>%1 (Ctrl+%2 or Alt+%3)</source>
            <translation>%1 (Ctrl+%2 or Alt+%3)</translation>
        </message>
        <message>
            <source>Undo: %1 (Ctrl+Z)</source>
            <translation>Undo: %1 (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>Nothing to undo</translation>
        </message>
        <message>
            <source>Redo: %1 (Ctrl+Shift+Z)</source>
            <translation>Redo: %1 (Ctrl+Shift+Z)</translation>
        </message>
        <message>
            <source>Nothing to redo</source>
            <translation>Nothing to redo</translation>
        </message>
    </context>
    <context>
        <name>SeverityModel</name>
        <message>
            <source>Assessor</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Panels</source>
            <translation>Panels</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>Regions</translation>
        </message>
        <message>
            <source>Severity (points ± SE)</source>
            <translation>Severity (points ± SE)</translation>
        </message>
        <message>
            <source>Severity (levels)</source>
            <translation>Severity (levels)</translation>
        </message>
        <message>
            <source>Fit (mean square)</source>
            <translation>Fit (mean square)</translation>
        </message>
        <message>
            <source>Spread across indicators</source>
            <translation>Spread across indicators</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Flag</translation>
        </message>
        <message>
            <source>erratic: levels the model does not explain</source>
            <translation>erratic: levels the model does not explain</translation>
        </message>
        <message>
            <source>halo: nearly the same level everywhere</source>
            <translation>halo: nearly the same level everywhere</translation>
        </message>
        <message>
            <source>fits</source>
            <translation>fits</translation>
        </message>
        <message>
            <source>Positive: this assessor scores lower than the average assessor on the same work (stricter); negative: higher (more lenient). Points on the 0-100 scale, with the standard error; the adjusted rule adds the severity back to each of their levels</source>
            <translation>Positive: this assessor scores lower than the average assessor on the same work (stricter); negative: higher (more lenient). Points on the 0-100 scale, with the standard error; the adjusted rule adds the severity back to each of their levels</translation>
        </message>
        <message>
            <source>The severity in rubric levels (points × the indicators' span / 100)</source>
            <translation>The severity in rubric levels (points × the indicators' span / 100)</translation>
        </message>
        <message>
            <source>The mean squared standardised residual: near 1 when the model explains this assessor as well as the others; above 1.5 erratic, below 0.5 too predictable</source>
            <translation>The mean squared standardised residual: near 1 when the model explains this assessor as well as the others; above 1.5 erratic, below 0.5 too predictable</translation>
        </message>
        <message>
            <source>How much the assessor's levels vary across indicators within one region, relative to the median assessor; below 0.5: halo</source>
            <translation>How much the assessor's levels vary across indicators within one region, relative to the median assessor; below 0.5: halo</translation>
        </message>
    </context>
    <context>
        <name>SeverityTab</name>
        <message>
            <source>About the severities</source>
            <translation>About the severities</translation>
        </message>
        <message>
            <source>Why the severities cannot be estimated</source>
            <translation>Why the severities cannot be estimated</translation>
        </message>
        <message>
            <source>Assessor severities</source>
            <translation>Assessor severities</translation>
        </message>
        <message>
            <source>&lt;b&gt;Assessor severity&lt;/b&gt; — cannot be estimated for this round.</source>
            <translation>&lt;b&gt;Assessor severity&lt;/b&gt; — cannot be estimated for this round.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Assessor severity&lt;/b&gt; — how much lower (+, stricter) or higher (−, more lenient) each assessor scores than the average assessor on the same work, estimated from the regions assessors scored in common (%1 levels, residual SD %2 points). The rule &lt;i&gt;adjusted for assessor severity&lt;/i&gt; adds each severity back to that assessor's levels. %3 of %4 assessor(s) flagged.</source>
            <translation>&lt;b&gt;Assessor severity&lt;/b&gt; — how much lower (+, stricter) or higher (−, more lenient) each assessor scores than the average assessor on the same work, estimated from the regions assessors scored in common (%1 levels, residual SD %2 points). The rule &lt;i&gt;adjusted for assessor severity&lt;/i&gt; adds each severity back to that assessor's levels. %3 of %4 assessor(s) flagged.</translation>
        </message>
    </context>
    <context>
        <name>SheetActions</name>
        <message>
            <source>Signing needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</source>
            <translation>Signing needs your signing identity (a key and its certificate), and this computer has none yet. Create one from your profile here, or import the .p12 file your organisation issued (tab “Import .p12”).</translation>
        </message>
        <message>
            <source>Assessor identity…</source>
            <translation>Assessor identity…</translation>
        </message>
        <message>
            <source>Your signing key and certificate: create, import, export, passphrase</source>
            <translation>Your signing key and certificate: create, import, export, passphrase</translation>
        </message>
        <message>
            <source>Export signed sheets…</source>
            <translation>Export signed sheets…</translation>
        </message>
        <message>
            <source>Sign the sheets of finalized assessments and save them in a folder</source>
            <translation>Sign the sheets of finalized assessments and save them in a folder</translation>
        </message>
        <message>
            <source>Verify sheets…</source>
            <translation>Verify sheets…</translation>
        </message>
        <message>
            <source>Check the signatures of PDF sheets</source>
            <translation>Check the signatures of PDF sheets</translation>
        </message>
        <message>
            <source>Shee&amp;ts</source>
            <translation>Shee&amp;ts</translation>
        </message>
        <message>
            <source>Sign this assessment's sheet.</source>
            <translation>Sign this assessment's sheet.</translation>
        </message>
        <message>
            <source>Signing the sheet</source>
            <translation>Signing the sheet</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Command</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
    </context>
    <context>
        <name>SignatureCanvas</name>
        <message>
            <source>Signature pad</source>
            <translation>Signature pad</translation>
        </message>
        <message>
            <source>Sign above the line</source>
            <translation>Sign above the line</translation>
        </message>
    </context>
    <context>
        <name>SignaturePadDialog</name>
        <message>
            <source>Handwritten signature</source>
            <translation>Handwritten signature</translation>
        </message>
        <message>
            <source>Draw your signature with the mouse, a pen or a finger. It is shown behind the text of the electronic signature on the sheets you sign from now on.</source>
            <translation>Draw your signature with the mouse, a pen or a finger. It is shown behind the text of the electronic signature on the sheets you sign from now on.</translation>
        </message>
        <message>
            <source>Saved signature:</source>
            <translation>Saved signature:</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>C&amp;lear</translation>
        </message>
        <message>
            <source>&amp;Remove saved signature</source>
            <translation>&amp;Remove saved signature</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>The signature could not be saved: %1</source>
            <translation>The signature could not be saved: %1</translation>
        </message>
        <message>
            <source>Saved. Sheets you sign from now on show this signature.</source>
            <translation>Saved. Sheets you sign from now on show this signature.</translation>
        </message>
        <message>
            <source>The saved signature was removed; sheets show the text only.</source>
            <translation>The saved signature was removed; sheets show the text only.</translation>
        </message>
    </context>
    <context>
        <name>SlotGridModel</name>
        <message>
            <source>Room %1</source>
            <translation>Room %1</translation>
        </message>
        <message>
            <source>Seated: %1</source>
            <translation>Seated: %1</translation>
        </message>
        <message>
            <source>break</source>
            <translation>break</translation>
        </message>
        <message>
            <source>Assessors: %1</source>
            <translation>Assessors: %1</translation>
        </message>
        <message>
            <source>%1 %2, %3 min · %4 · %5</source>
            <translation>%1 %2, %3 min · %4 · %5</translation>
        </message>
    </context>
    <context>
        <name>StartingWindow</name>
        <message>
            <source>Opening your data…</source>
            <translation>Opening your data…</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Not started</source>
            <translation>Not started</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Finalized</source>
            <translation>Finalized</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
    </context>
    <context>
        <name>StoreUnlockDialog</name>
        <message>
            <source>Open the encrypted data</source>
            <translation>Open the encrypted data</translation>
        </message>
        <message>
            <source>The assessment data in %1 is encrypted. Enter the assessor's passphrase (the one of the signing key) to open it.</source>
            <translation>The assessment data in %1 is encrypted. Enter the assessor's passphrase (the one of the signing key) to open it.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again. Nothing was opened or changed.</source>
            <translation>That passphrase is not correct. Check Caps Lock and the keyboard layout, then try again. Nothing was opened or changed.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPanel</name>
        <message>
            <source>Weighted total (0–100)</source>
            <translation>Weighted total (0–100)</translation>
        </message>
        <message>
            <source>Weighted mean of the dimension subscores; indicators not scored yet or not applicable are left out.</source>
            <translation>Weighted mean of the dimension subscores; indicators not scored yet or not applicable are left out.</translation>
        </message>
        <message>
            <source>%1 of %2 indicators scored</source>
            <translation>%1 of %2 indicators scored</translation>
        </message>
        <message numerus="yes">
            <source>%n required indicator(s) still without a level</source>
            <translation>
                <numerusform>%n required indicator still without a level</numerusform>
                <numerusform>%n required indicators still without a level</numerusform>
            </translation>
        </message>
        <message>
            <source>Every required indicator has a level.</source>
            <translation>Every required indicator has a level.</translation>
        </message>
        <message>
            <source>Weight %1% of the total</source>
            <translation>Weight %1% of the total</translation>
        </message>
        <message>
            <source>Indicators scored in this dimension</source>
            <translation>Indicators scored in this dimension</translation>
        </message>
    </context>
    <context>
        <name>SyncNow</name>
        <message>
            <source>Nothing to send: every finalized and signed assessment has reached the coordinator.</source>
            <translation>Nothing to send: every finalized and signed assessment has reached the coordinator.</translation>
        </message>
        <message>
            <source>sign the bundle sent to the coordinator's sync service</source>
            <translation>sign the bundle sent to the coordinator's sync service</translation>
        </message>
        <message>
            <source>Sending finalized assessments to the sync service</source>
            <translation>Sending finalized assessments to the sync service</translation>
        </message>
        <message>
            <source>Sync: %1 version(s) taken in by the coordinator.</source>
            <translation>Sync: %1 version(s) taken in by the coordinator.</translation>
        </message>
        <message>
            <source>Sync: %1 version(s) taken in, %2 still queued (%3)</source>
            <translation>Sync: %1 version(s) taken in, %2 still queued (%3)</translation>
        </message>
        <message>
            <source>Sync failed; everything stays queued: %1</source>
            <translation>Sync failed; everything stays queued: %1</translation>
        </message>
        <message>
            <source>Sync: another sync is running on this laptop (automatic sync or nilai sync); it sends what is queued.</source>
            <translation>Sync: another sync is running on this laptop (automatic sync or nilai sync); it sends what is queued.</translation>
        </message>
    </context>
    <context>
        <name>UnknownCertificatesModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint</source>
            <translation>SHA-256 fingerprint</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Bundle</translation>
        </message>
        <message>
            <source>Known here with</source>
            <translation>Known here with</translation>
        </message>
        <message>
            <source>nobody (a new assessor)</source>
            <translation>nobody (a new assessor)</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Open signed sheets</source>
            <translation>Open signed sheets</translation>
        </message>
        <message>
            <source>PDF files (*.pdf);;All files (*)</source>
            <translation>PDF files (*.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>Verify signed sheets</source>
            <translation>Verify signed sheets</translation>
        </message>
        <message>
            <source>Open signed PDF sheets, or drop them here. A sheet is valid when it is intact and its signature covers the whole file.</source>
            <translation>Open signed PDF sheets, or drop them here. A sheet is valid when it is intact and its signature covers the whole file.</translation>
        </message>
        <message>
            <source>&amp;Open PDFs…</source>
            <translation>&amp;Open PDFs…</translation>
        </message>
        <message>
            <source>&amp;Trust this certificate</source>
            <translation>&amp;Trust this certificate</translation>
        </message>
        <message>
            <source>Trust the signer of the selected sheet on this computer</source>
            <translation>Trust the signer of the selected sheet on this computer</translation>
        </message>
        <message>
            <source>C&amp;lear list</source>
            <translation>C&amp;lear list</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Verifying sheets</source>
            <translation>Verifying sheets</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) checked</source>
            <translation>
                <numerusform>%n file checked</numerusform>
                <numerusform>%n files checked</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 valid, %2 not valid, %3 from a trusted signer.</source>
            <translation>%1 valid, %2 not valid, %3 from a trusted signer.</translation>
        </message>
        <message>
            <source>The sheets could not be checked: %1</source>
            <translation>The sheets could not be checked: %1</translation>
        </message>
        <message>
            <source>Signer: %1</source>
            <translation>Signer: %1</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256): %1</source>
            <translation>Certificate fingerprint (SHA-256): %1</translation>
        </message>
        <message>
            <source>Problem: %1</source>
            <translation>Problem: %1</translation>
        </message>
        <message>
            <source>Trust this certificate?</source>
            <translation>Trust this certificate?</translation>
        </message>
        <message>
            <source>Trust the certificate of %1 on this computer?

Compare this fingerprint with the one the assessor gives you (in person or by phone):
%2</source>
            <translation>Trust the certificate of %1 on this computer?

Compare this fingerprint with the one the assessor gives you (in person or by phone):
%2</translation>
        </message>
        <message>
            <source>Sheets checked</source>
            <translation>Sheets checked</translation>
        </message>
    </context>
    <context>
        <name>VerifyResultsModel</name>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Fingerprint</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Signed at</source>
            <translation>Signed at</translation>
        </message>
        <message>
            <source>Intact</source>
            <translation>Intact</translation>
        </message>
        <message>
            <source>Whole file</source>
            <translation>Whole file</translation>
        </message>
        <message>
            <source>Trusted</source>
            <translation>Trusted</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valid</translation>
        </message>
        <message>
            <source>not valid</source>
            <translation>not valid</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Nilai</source>
            <translation>Welcome to Nilai</translation>
        </message>
        <message>
            <source>Welcome, %1</source>
            <translation>Welcome, %1</translation>
        </message>
        <message>
            <source>Two things before the first interview. Both can wait: the menus offer them any time.</source>
            <translation>Two things before the first interview. Both can wait: the menus offer them any time.</translation>
        </message>
        <message>
            <source>1. Your signing key</source>
            <translation>1. Your signing key</translation>
        </message>
        <message>
            <source>2. Your round</source>
            <translation>2. Your round</translation>
        </message>
        <message>
            <source>Load the demo round</source>
            <translation>Load the demo round</translation>
        </message>
        <message>
            <source>The 2018 second stage: 116 regencies and cities, three panels, six simulated assessors. Try everything without real data.</source>
            <translation>The 2018 second stage: 116 regencies and cities, three panels, six simulated assessors. Try everything without real data.</translation>
        </message>
        <message>
            <source>Import a round file from my coordinator…</source>
            <translation>Import a round file from my coordinator…</translation>
        </message>
        <message>
            <source>The round package your coordinator sent (.nilairound): the instrument and your interview schedule.</source>
            <translation>The round package your coordinator sent (.nilairound): the instrument and your interview schedule.</translation>
        </message>
        <message>
            <source>Prepare a new round (coordinator)</source>
            <translation>Prepare a new round (coordinator)</translation>
        </message>
        <message>
            <source>Choose the instrument, the candidates and the assessors, generate the interview schedule and hand out the round package.</source>
            <translation>Choose the instrument, the candidates and the assessors, generate the interview schedule and hand out the round package.</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Later</translation>
        </message>
        <message>
            <source>Start with an empty schedule. File → Open round package… takes the round in any time.</source>
            <translation>Start with an empty schedule. File → Open round package… takes the round in any time.</translation>
        </message>
        <message>
            <source>Round setup is open: name the round and choose its instrument.</source>
            <translation>Round setup is open: name the round and choose its instrument.</translation>
        </message>
        <message>
            <source>You sign evaluation sheets and result bundles with a key of your own. It is made on this computer and protected by a passphrase you choose. This can also wait: Sheets → Assessor identity.</source>
            <translation>You sign evaluation sheets and result bundles with a key of your own. It is made on this computer and protected by a passphrase you choose. This can also wait: Sheets → Assessor identity.</translation>
        </message>
        <message>
            <source>&amp;Create signing key…</source>
            <translation>&amp;Create signing key…</translation>
        </message>
        <message>
            <source>Your signing key is ready (certificate %1…).</source>
            <translation>Your signing key is ready (certificate %1…).</translation>
        </message>
        <message>
            <source>&amp;Show signing key…</source>
            <translation>&amp;Show signing key…</translation>
        </message>
        <message>
            <source>Building the demo round…</source>
            <translation>Building the demo round…</translation>
        </message>
        <message>
            <source>Building the demo round</source>
            <translation>Building the demo round</translation>
        </message>
        <message>
            <source>Demo round loaded: %1 regions, %2 interview slots, %3 assessments of the simulated assessors.</source>
            <translation>Demo round loaded: %1 regions, %2 interview slots, %3 assessments of the simulated assessors.</translation>
        </message>
        <message>
            <source>The demo round could not be built: %1</source>
            <translation>The demo round could not be built: %1</translation>
        </message>
        <message>
            <source>Taking in %1…</source>
            <translation>Taking in %1…</translation>
        </message>
        <message>
            <source>The round package was not taken in.</source>
            <translation>The round package was not taken in.</translation>
        </message>
    </context>
    <context>
        <name>SetupWords</name>
        <message>
            <source>A calibration case needs a name, e.g. “Kota Contoh”.</source>
            <translation>A calibration case needs a name, e.g. “Kota Contoh”.</translation>
        </message>
        <message>
            <source>A calibration case's name has at most 100 characters; shorten it.</source>
            <translation>A calibration case's name has at most 100 characters; shorten it.</translation>
        </message>
        <message>
            <source>This round already has a calibration case named “%1” (%2); choose another name.</source>
            <translation>This round already has a calibration case named “%1” (%2); choose another name.</translation>
        </message>
        <message>
            <source>A day is listed twice in the schedule; list each interview day once.</source>
            <translation>A day is listed twice in the schedule; list each interview day once.</translation>
        </message>
        <message>
            <source>The day ends (%1) before it starts (%2); correct the hours.</source>
            <translation>The day ends (%1) before it starts (%2); correct the hours.</translation>
        </message>
        <message>
            <source>An interview of %1 minutes is outside 5 to 480; give a slot length such as 30.</source>
            <translation>An interview of %1 minutes is outside 5 to 480; give a slot length such as 30.</translation>
        </message>
        <message>
            <source>The break %1–%2 ends before it starts; correct it.</source>
            <translation>The break %1–%2 ends before it starts; correct it.</translation>
        </message>
        <message>
            <source>The break %1–%2 is outside the day (%3–%4); move it or widen the day.</source>
            <translation>The break %1–%2 is outside the day (%3–%4); move it or widen the day.</translation>
        </message>
        <message>
            <source>The break at %1 overlaps the one before it; merge them into one.</source>
            <translation>The break at %1 overlaps the one before it; merge them into one.</translation>
        </message>
        <message>
            <source>%1 panels: give between 1 and 50.</source>
            <translation>%1 panels: give between 1 and 50.</translation>
        </message>
        <message>
            <source>%1 assessors per panel: give between 1 and 20.</source>
            <translation>%1 assessors per panel: give between 1 and 20.</translation>
        </message>
        <message>
            <source>%1 rooms for %2 panels; give one room per panel at most.</source>
            <translation>%1 rooms for %2 panels; give one room per panel at most.</translation>
        </message>
        <message>
            <source>A room name cannot contain “;”; rename the room.</source>
            <translation>A room name cannot contain “;”; rename the room.</translation>
        </message>
        <message>
            <source>%1: %2 problem(s), nothing was imported; the first: %3</source>
            <translation>%1: %2 problem(s), nothing was imported; the first: %3</translation>
        </message>
        <message>
            <source>A round named “%1” already exists here; choose another name.</source>
            <translation>A round named “%1” already exists here; choose another name.</translation>
        </message>
        <message>
            <source>The round needs a name, e.g. “Gerakan Menuju 100 Smart City 2019”.</source>
            <translation>The round needs a name, e.g. “Gerakan Menuju 100 Smart City 2019”.</translation>
        </message>
        <message>
            <source>The round name is %1 characters long; shorten it to at most 200.</source>
            <translation>The round name is %1 characters long; shorten it to at most 200.</translation>
        </message>
        <message>
            <source>The round ends (%1) before it starts (%2); swap or correct the dates.</source>
            <translation>The round ends (%1) before it starts (%2); swap or correct the dates.</translation>
        </message>
        <message>
            <source>No instrument with hash %1 is built in or stored here; import the instrument first.</source>
            <translation>No instrument with hash %1 is built in or stored here; import the instrument first.</translation>
        </message>
        <message>
            <source>Scoring has started in this round, so its instrument can no longer change; start a new round for another instrument.</source>
            <translation>Scoring has started in this round, so its instrument can no longer change; start a new round for another instrument.</translation>
        </message>
        <message>
            <source>%1 already has assessments in this round, so it stays a candidate; nothing was removed.</source>
            <translation>%1 already has assessments in this round, so it stays a candidate; nothing was removed.</translation>
        </message>
        <message>
            <source>%1 is not a candidate of this round; add it first.</source>
            <translation>%1 is not a candidate of this round; add it first.</translation>
        </message>
        <message>
            <source>No regency or city has the BPS code %1; check the codes.</source>
            <translation>No regency or city has the BPS code %1; check the codes.</translation>
        </message>
        <message>
            <source>%1 already has assessments in this round, so they stay in it.</source>
            <translation>%1 already has assessments in this round, so they stay in it.</translation>
        </message>
        <message>
            <source>An assessor needs a name.</source>
            <translation>An assessor needs a name.</translation>
        </message>
        <message>
            <source>NIP “%1” has characters other than digits; write the civil-servant number only.</source>
            <translation>NIP “%1” has characters other than digits; write the civil-servant number only.</translation>
        </message>
        <message>
            <source>NIP %1 already belongs to %2; check the number.</source>
            <translation>NIP %1 already belongs to %2; check the number.</translation>
        </message>
        <message>
            <source>“%1” is not a province code; choose the province from the list.</source>
            <translation>“%1” is not a province code; choose the province from the list.</translation>
        </message>
        <message>
            <source>No regency or city has the BPS code %1; check the code.</source>
            <translation>No regency or city has the BPS code %1; check the code.</translation>
        </message>
        <message>
            <source>%1 is not in %2; correct the province or the regency/city.</source>
            <translation>%1 is not in %2; correct the province or the regency/city.</translation>
        </message>
        <message>
            <source>Conflict with %1: no regency or city has this BPS code.</source>
            <translation>Conflict with %1: no regency or city has this BPS code.</translation>
        </message>
        <message>
            <source>%1: no such file; check the path.</source>
            <translation>%1: no such file; check the path.</translation>
        </message>
        <message>
            <source>%1: not a spreadsheet Nilai reads; save it as .xlsx or .csv.</source>
            <translation>%1: not a spreadsheet Nilai reads; save it as .xlsx or .csv.</translation>
        </message>
        <message>
            <source>%1: cannot be read as an XLSX workbook; save it again from the spreadsheet program as .xlsx.</source>
            <translation>%1: cannot be read as an XLSX workbook; save it again from the spreadsheet program as .xlsx.</translation>
        </message>
    </context>
    <context>
        <name>CalibrationFeedbackDialog</name>
        <message>
            <source>Calibration feedback — %1</source>
            <translation>Calibration feedback — %1</translation>
        </message>
        <message>
            <source>Before the real interviews every assessor scored the same calibration case. Beside each of your levels is the median level of the group (%1 assessors). A level far from the median is worth a second look at the rubric; it is not a mark against you.</source>
            <translation>Before the real interviews every assessor scored the same calibration case. Beside each of your levels is the median level of the group (%1 assessors). A level far from the median is worth a second look at the rubric; it is not a mark against you.</translation>
        </message>
        <message>
            <source>Calibration case</source>
            <translation>Calibration case</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indicator</translation>
        </message>
        <message>
            <source>Your level</source>
            <translation>Your level</translation>
        </message>
        <message>
            <source>Group median</source>
            <translation>Group median</translation>
        </message>
        <message>
            <source>Where you sat</source>
            <translation>Where you sat</translation>
        </message>
        <message>
            <source>Your levels beside the group median</source>
            <translation>Your levels beside the group median</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>not scored</translation>
        </message>
        <message>
            <source>no group median</source>
            <translation>no group median</translation>
        </message>
        <message>
            <source>the same as the group</source>
            <translation>the same as the group</translation>
        </message>
        <message>
            <source>you sat higher by %1</source>
            <translation>you sat higher by %1</translation>
        </message>
        <message>
            <source>you sat lower by %1</source>
            <translation>you sat lower by %1</translation>
        </message>
    </context>
    <context>
        <name>CalibrationBox</name>
        <message>
            <source>Calibration cases (never ranked)</source>
            <translation>Calibration cases (never ranked)</translation>
        </message>
        <message>
            <source>Calibration cases of the round</source>
            <translation>Calibration cases of the round</translation>
        </message>
        <message>
            <source>A fictional region, e.g. Kota Contoh</source>
            <translation>A fictional region, e.g. Kota Contoh</translation>
        </message>
        <message>
            <source>Calibration case name</source>
            <translation>Calibration case name</translation>
        </message>
        <message>
            <source>Calibration case province</source>
            <translation>Calibration case province</translation>
        </message>
        <message>
            <source>No province</source>
            <translation>No province</translation>
        </message>
        <message>
            <source>Add calibration case</source>
            <translation>Add calibration case</translation>
        </message>
        <message>
            <source>Every assessor scores it before the real interviews; it goes out with the round package and is never ranked</source>
            <translation>Every assessor scores it before the real interviews; it goes out with the round package and is never ranked</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Province:</source>
            <translation>Province:</translation>
        </message>
        <message>
            <source>None yet. A calibration case links the panels, so assessor severity can be estimated.</source>
            <translation>None yet. A calibration case links the panels, so assessor severity can be estimated.</translation>
        </message>
        <message>
            <source>Saved: calibration case %1 %2</source>
            <translation>Saved: calibration case %1 %2</translation>
        </message>
    </context>
</TS>
