; Inno Setup 6 script: Windows installer for Nilai, packaging the PyInstaller one-folder build.
;
; Build dist\nilai\ first (pyinstaller installer\nilai.spec), then, from the repository root:
;     iscc installer\nilai.iss
; Output: dist\nilai-<version>-windows-x64-setup.exe. Step by step: installer\README.md.
;
; Per-user install (no administrator rights): %LOCALAPPDATA%\Programs\Nilai. The assessor's data
; (%LOCALAPPDATA%\Nilai\Nilai: database, identity, backups) is a different folder that neither
; installing, updating nor uninstalling touches.
;
; The version is read from the build itself: nilai.exe's version resource, which installer\nilai.spec
; generates from app.__version__. Names here must match nilai.spec (tests/test_frozen_build.py checks).

#define AppName "Nilai"
#define AppExeName "nilai.exe"
#define CliExeName "nilai-cli.exe"
#define BuildDir "..\dist\nilai"
#define AppIcon "..\resources\icons\nilai.ico"
#define BuiltExe AddBackslash(SourcePath) + BuildDir + "\" + AppExeName
#if !FileExists(BuiltExe)
  #error "dist\nilai\nilai.exe is missing: run pyinstaller installer\nilai.spec first"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BuiltExe, "ProductVersion")
#endif
#define AppVersionNumbers GetVersionNumbersString(BuiltExe)

[Setup]
; AppId identifies Nilai to Windows across versions: never change it, or updates install twice.
AppId={{5B3E1342-5708-4EDA-844F-A831D860CF76}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=nilai-{#AppVersion}-windows-x64-setup
SetupIconFile={#AppIcon}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UsedUserAreasWarning=no

[Languages]
; Inno Setup ships no Indonesian wizard translation; the program itself speaks Indonesian.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program: libraries left over from an older version could be loaded instead.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; A quick check that the installed copy starts on this computer (prints its version, writes nothing).
Filename: "{app}\{#CliExeName}"; Parameters: "--version"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
