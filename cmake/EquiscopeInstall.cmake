# Installing Equiscope like a desktop application (GNUInstallDirs layout): the two programs, the
# translations, the .desktop file, the icon in the hicolor sizes, the AppStream metainfo, man
# pages and bash completion generated from the programs' own --help (scripts/cli-docs), and a
# Debian package through CPack (scripts/package).
include(GNUInstallDirs)

set(EQUISCOPE_APP_ID io.github.equiscope.Equiscope)
set(_desktop ${PROJECT_SOURCE_DIR}/resources/desktop)

# The icon: the SVG as the scalable one, PNGs rendered from it at build time.
add_executable(equiscope-iconrender ${PROJECT_SOURCE_DIR}/resources/tools/iconrender.cpp)
target_link_libraries(equiscope-iconrender PRIVATE Qt6::Gui Qt6::Svg)
set(EQUISCOPE_ICON_SIZES 16 22 24 32 48 64 128 256)
set(_icon_outputs)
foreach(size IN LISTS EQUISCOPE_ICON_SIZES)
    list(APPEND _icon_outputs ${CMAKE_BINARY_DIR}/icons/${size}x${size}/apps/${EQUISCOPE_APP_ID}.png)
endforeach()
add_custom_command(OUTPUT ${_icon_outputs}
    COMMAND equiscope-iconrender ${PROJECT_SOURCE_DIR}/resources/icons/equiscope.svg
            ${CMAKE_BINARY_DIR}/icons ${EQUISCOPE_APP_ID} ${EQUISCOPE_ICON_SIZES}
    DEPENDS equiscope-iconrender ${PROJECT_SOURCE_DIR}/resources/icons/equiscope.svg
    COMMENT "Rendering the application icon in the hicolor sizes" VERBATIM)
add_custom_target(equiscope-icons ALL DEPENDS ${_icon_outputs})

# Man pages and bash completion, from the programs themselves.
find_package(Python3 COMPONENTS Interpreter)
set(_cli_docs ${CMAKE_BINARY_DIR}/cli-docs)
set(_cli_docs_outputs ${_cli_docs}/man/equiscope-cli.1 ${_cli_docs}/man/equiscope.1
    ${_cli_docs}/completion/equiscope-cli)
if(Python3_Interpreter_FOUND)
    add_custom_command(OUTPUT ${_cli_docs_outputs}
        COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/cli-docs
                $<TARGET_FILE:equiscope-cli> $<TARGET_FILE:equiscope> ${_cli_docs}
        DEPENDS equiscope-cli equiscope ${PROJECT_SOURCE_DIR}/scripts/cli-docs
        COMMENT "Generating man pages and bash completion from --help" VERBATIM)
    add_custom_target(cli-docs ALL DEPENDS ${_cli_docs_outputs})
else()
    message(WARNING "python3 not found: no man pages or bash completion will be installed")
endif()

install(TARGETS equiscope equiscope-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${_desktop}/${EQUISCOPE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_desktop}/${EQUISCOPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/equiscope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${EQUISCOPE_APP_ID}.svg)
foreach(size IN LISTS EQUISCOPE_ICON_SIZES)
    install(FILES ${CMAKE_BINARY_DIR}/icons/${size}x${size}/apps/${EQUISCOPE_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
if(Python3_Interpreter_FOUND)
    install(FILES ${_cli_docs}/man/equiscope-cli.1 ${_cli_docs}/man/equiscope.1
            DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${_cli_docs}/completion/equiscope-cli
            DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()
# The translations are compiled into the program (:/i18n); the .qm files are installed too, for
# packagers and tools that look for them.
if(EQUISCOPE_QM_FILES)
    install(FILES ${EQUISCOPE_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/equiscope/translations)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package (scripts/package): dependencies from the shared libraries the programs link
# (dpkg-shlibdeps), plus what they load at run time.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME equiscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Equiscope developers <equiscope@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop workbench for fair representation learning")
set(CPACK_PACKAGE_DESCRIPTION
    "Loads image or feature datasets, trains fair contrastive (FARE, SparseFARE and baselines),\n fair self-supervised and fair clustering methods, and shows per-group metrics with\n confidence intervals, attention maps and Pareto fronts; reports and model export.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so shlibdeps cannot see them: the SQLite driver of Qt SQL, the optimised
# BLAS behind LibTorch (without it matrix products are ~50x slower), the SVG icon engine.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libopenblas0-openmp, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_PACKAGE_INSTALL_DIRECTORY equiscope)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
