; Custom NSIS include for the Taizhangtong installer (wired in through nsis.include in
; electron-builder.yml).
;
; electron-builder calls these macros at fixed points of its generated installer when they
; are defined. Nothing extra is needed yet: the app keeps no registry state, and user data
; (app settings under %APPDATA%, project folders chosen by the user) must survive both
; upgrades and uninstalls, so no removal step is added here on purpose.
;
; Keep this file ASCII-only: makensis reads includes without a BOM in the system code page.

!macro customInstall
  ; Intentionally empty: the hook exists so later install steps have an obvious home.
!macroend
