# SPDX-License-Identifier: MIT
# Install rules: headers under include/baretls/, the CMake package
# (find_package(baretls CONFIG) -> baretls::baretls) and a pkg-config file.
include(CMakePackageConfigHelpers)

set(BARETLS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/baretls)

set_target_properties(baretls_crypto PROPERTIES EXPORT_NAME crypto)
set_target_properties(baretls_x509 PROPERTIES EXPORT_NAME x509)
set_target_properties(baretls_tls PROPERTIES EXPORT_NAME tls)

install(TARGETS baretls baretls_tls baretls_x509 baretls_crypto
  EXPORT baretlsTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/baretls
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES ${BARETLS_CONFIG_INCLUDE_DIR}/baretls/build_config.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/baretls)
install(EXPORT baretlsTargets
  NAMESPACE baretls::
  DESTINATION ${BARETLS_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/baretlsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/baretlsConfig.cmake
  INSTALL_DESTINATION ${BARETLS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/baretlsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/baretlsConfig.cmake
              ${PROJECT_BINARY_DIR}/baretlsConfigVersion.cmake
  DESTINATION ${BARETLS_CMAKE_DIR})

# pkg-config: static archives are listed in dependency order. The prefix is
# found relative to the .pc file, so `cmake --install --prefix P` works.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(BARETLS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH BARETLS_PC_UP "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  set(BARETLS_PC_PREFIX "\${pcfiledir}/${BARETLS_PC_UP}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(BARETLS_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(BARETLS_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(BARETLS_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(BARETLS_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/baretls.pc.in
  ${PROJECT_BINARY_DIR}/baretls.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/baretls.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(TARGET baretls_cli)
  install(TARGETS baretls_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
