# The Debian package (docs/operations.md, "Install"): `cpack -G DEB` in the build directory
# makes saqme_VERSION-1_ARCH.deb of /usr/bin/saqme (the web console is built into it),
# saqme.service, /etc/saqme/saqme.conf (a conffile) and /usr/share/doc/saqme. The maintainer
# scripts in packaging/debian/ create the user saqme and /var/lib/saqme and enable the unit.
# tests/package_test.sh builds the package and checks it.

set(SAQME_PACKAGING ${PROJECT_SOURCE_DIR}/packaging)
set(SAQME_PACKAGE_STAGE ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${SAQME_PACKAGE_STAGE})

# The packaged configuration is the sample with the two settings the service needs: the data
# directory is the unit's StateDirectory, and it listens on the machine itself only. The sample
# keeps every other setting commented out with its default (a test checks it names them all).
file(READ ${SAQME_PACKAGING}/saqme.conf SAQME_CONF)
foreach(setting "data = /var/lib/saqme" "listen = 127.0.0.1:8080")
  string(REGEX MATCH "^[a-z-]+" key "${setting}")
  string(REGEX MATCH "\n#${key} = [^\n]*" commented "${SAQME_CONF}")
  if(NOT commented)
    message(FATAL_ERROR "packaging/saqme.conf has no line '#${key} = ...' to set for the package")
  endif()
  string(REPLACE "${commented}" "\n${setting}  # set by the package (saqme.service)"
                 SAQME_CONF "${SAQME_CONF}")
endforeach()
file(CONFIGURE OUTPUT ${SAQME_PACKAGE_STAGE}/saqme.conf CONTENT "${SAQME_CONF}" @ONLY)

# Debian wants documentation over 4 kB and man pages compressed, without a time stamp in the
# gzip header (gzip -n), so that the same sources give the same package.
find_program(SAQME_GZIP gzip REQUIRED)
function(saqme_gzip source output)
  execute_process(COMMAND ${SAQME_GZIP} -9n -c ${source} OUTPUT_FILE ${output}
                  RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gzip ${source}: ${failed}")
  endif()
  set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
endfunction()
saqme_gzip(${SAQME_PACKAGING}/debian/changelog ${SAQME_PACKAGE_STAGE}/changelog.Debian.gz)
saqme_gzip(${PROJECT_SOURCE_DIR}/docs/operations.md ${SAQME_PACKAGE_STAGE}/operations.md.gz)
saqme_gzip(${SAQME_PACKAGING}/debian/saqme.1 ${SAQME_PACKAGE_STAGE}/saqme.1.gz)

# Relative destinations land under /usr (CPACK_PACKAGING_INSTALL_PREFIX); /etc and the unit's
# directory are absolute, as Debian 12 places them.
install(TARGETS saqme RUNTIME DESTINATION bin)
install(FILES ${SAQME_PACKAGE_STAGE}/saqme.conf DESTINATION /etc/saqme)
install(FILES ${SAQME_PACKAGING}/saqme.service DESTINATION /lib/systemd/system)
install(FILES ${SAQME_PACKAGING}/debian/copyright ${SAQME_PACKAGING}/debian/README.Debian
              ${SAQME_PACKAGE_STAGE}/changelog.Debian.gz ${SAQME_PACKAGE_STAGE}/operations.md.gz
        DESTINATION share/doc/saqme)
install(FILES ${SAQME_PACKAGE_STAGE}/saqme.1.gz DESTINATION share/man/man1)

set(SAQME_PACKAGE_MAINTAINER
    "saqme maintainers <maintainers@users.noreply.h-seed-103bc637.example>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME saqme)
set(CPACK_PACKAGE_VENDOR "saqme")
set(CPACK_PACKAGE_CONTACT "${SAQME_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SAQME_PACKAGE_MAINTAINER}")
# The Debian revision; the changelog's first entry must carry the same version (a test checks).
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # saqme_0.1.0-1_amd64.deb, the architecture from dpkg
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries' packages from dpkg-shlibdeps, and adduser for the postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workflow engine of municipal administrative proceedings")
# The synopsis is the summary above; this is the extended description under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "saqme keeps the proceedings of a Georgian municipality (incoming letters,
citizens' applications, public-information requests, complaints, legal acts
and assignments) as an append-only, hash-chained log, from which every
current view is derived, and serves a web console and an HTTP API over it.
.
The package runs `saqme serve` as the systemd service saqme.service under the
system user saqme, with its data in /var/lib/saqme and its settings in
/etc/saqme/saqme.conf.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${SAQME_PACKAGING}/debian/conffiles ${SAQME_PACKAGING}/debian/postinst
    ${SAQME_PACKAGING}/debian/prerm ${SAQME_PACKAGING}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
