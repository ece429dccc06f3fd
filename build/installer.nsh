; 年报审核: the Windows installer's file types (included by electron-builder.yml nsis.include).
; .docx, .doc and .pdf get "用年报审核打开" in the right-click menu and the app in "打开方式" (Open with),
; without becoming the default program: the installer never writes the default value of HKLM\Software\Classes\.docx
; (and .doc, .pdf), so Word/WPS and the PDF reader keep opening these files on a double click.
; perMachine installs run with SetShellVarContext all, so SHELL_CONTEXT is HKLM. This file is UTF-8 with a BOM:
; NSIS reads a file without one in the build machine's ANSI code page and would garble the Chinese strings.

!define NIANBAO_VERB "NianbaoReview"
!define NIANBAO_VERB_TEXT "用年报审核打开"

!macro nianbaoRegisterType EXT PROGID TYPENAME
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}" "" "${TYPENAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\shell\open" "" "${NIANBAO_VERB_TEXT}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\SystemFileAssociations\.${EXT}\shell\${NIANBAO_VERB}" "" "${NIANBAO_VERB_TEXT}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\SystemFileAssociations\.${EXT}\shell\${NIANBAO_VERB}" "Icon" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\SystemFileAssociations\.${EXT}\shell\${NIANBAO_VERB}\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro nianbaoUnregisterType EXT PROGID
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\SystemFileAssociations\.${EXT}\shell\${NIANBAO_VERB}"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro nianbaoRegisterType "docx" "NianbaoReview.docx" "Word 文档"
  !insertmacro nianbaoRegisterType "doc" "NianbaoReview.doc" "Word 97-2003 文档"
  !insertmacro nianbaoRegisterType "pdf" "NianbaoReview.pdf" "PDF 文档"
  ; SHCNE_ASSOCCHANGED: Explorer re-reads the file types.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro nianbaoUnregisterType "docx" "NianbaoReview.docx"
  !insertmacro nianbaoUnregisterType "doc" "NianbaoReview.doc"
  !insertmacro nianbaoUnregisterType "pdf" "NianbaoReview.pdf"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
