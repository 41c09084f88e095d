; Inno Setup 6 script: installs the PyInstaller one-folder build (dist\Talimger) on Windows.
;
;   pyinstaller build.spec --noconfirm            (on Windows, from the repository root)
;   iscc resources\installer\talimger.iss          (or: iscc /DAppVersion=0.2.0 ...)
;
; Per-user by default (no administrator rights needed); the first page lets an administrator
; choose "all users" instead (also /ALLUSERS or /CURRENTUSER on the command line).
; User data is NOT in {app}: the database, backups and settings live in the platformdirs user data
; folder (%LOCALAPPDATA%\Talimger) and in HKCU\Software\Talimger, which the uninstaller leaves
; alone, so uninstalling or upgrading never loses a record.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Tälimger"
#define AppExe "Talimger.exe"
#define CliExe "talimger-cli.exe"
#define DistDir "..\..\dist\Talimger"

[Setup]
; Never change AppId: upgrades and uninstall find the installed copy by it.
AppId={{6F0B2C1E-7A43-4C5D-9E1B-3D2A8C6F4B71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tälimger
DefaultDirName={autopf}\Talimger
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=Talimger-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\icons\talimger.ico
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} setup
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; Inno Setup ships Russian officially; Kazakh exists only as an unofficial, unmaintained
; translation, so the installer speaks Russian and English (the app itself speaks kk and ru).
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.CliShortcut=Командная строка Tälimger (самопроверка)
en.CliShortcut=Tälimger self-test (console)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A previous version's files are replaced whole: stale modules must not mix with new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; Started in the user's Documents: Save and Export dialogs open where the user can write (an
; all-users install folder under Program Files is read-only for them).
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" self-test"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for user data on purpose: %LOCALAPPDATA%\Talimger (database, backups)
; and the HKCU\Software\Talimger settings stay after uninstall.
