# What `cmake --install` puts in place for a backend that links cnn-opt's
# dialects and passes into its own tool: headers (written and generated),
# TableGen sources, libraries, tools, and the CnnOpt CMake package.
#
# Included at the end of the top-level CMakeLists.txt, once every library and
# tool exists, so that new ones are installed without being listed here.

include(CMakePackageConfigHelpers)

set(CNN_OPT_INSTALL_INCLUDEDIR include)
set(CNN_OPT_INSTALL_LIBDIR lib${LLVM_LIBDIR_SUFFIX})
set(CNN_OPT_INSTALL_BINDIR bin)
set(CNN_OPT_INSTALL_CMAKEDIR ${CNN_OPT_INSTALL_LIBDIR}/cmake/CnnOpt)

# Headers and the ODS they come from: a backend may write its own ops,
# patterns or passes against the dialects' .td files, as against MLIR's.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cnn
  DESTINATION ${CNN_OPT_INSTALL_INCLUDEDIR}
  COMPONENT cnn-headers
  FILES_MATCHING
  PATTERN "*.h"
  PATTERN "*.td"
  PATTERN "*.def"
  )
# What TableGen generates next to them (*.h.inc, and the *.cpp.inc that
# op definitions include), without the build system's own files.
install(DIRECTORY ${PROJECT_BINARY_DIR}/include/cnn
  DESTINATION ${CNN_OPT_INSTALL_INCLUDEDIR}
  COMPONENT cnn-headers
  FILES_MATCHING
  PATTERN "*.inc"
  PATTERN "*.h"
  PATTERN "CMakeFiles" EXCLUDE
  )

# add_mlir_library installs every library it creates into the export set
# `MLIRTargets` (add_mlir_library_install in AddMLIR.cmake) and records its
# name in the global property MLIR_EXPORTS. MLIR's own targets are imported
# and in neither, so both hold exactly the project's libraries.
get_property(cnn_opt_libraries GLOBAL PROPERTY MLIR_EXPORTS)
list(REMOVE_DUPLICATES cnn_opt_libraries)

# The headers a library's users include: the sources and the generated
# files while building, the installed include directory once installed.
foreach(lib IN LISTS cnn_opt_libraries)
  target_include_directories(${lib} INTERFACE
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:${CNN_OPT_INSTALL_INCLUDEDIR}>
    )
endforeach()

# The tools are created with add_llvm_executable, which does not install
# them; every executable under tools/ but the fuzz target is installed and
# exported, so that a backend's tests can run cnn-opt as CnnOpt::cnn-opt.
function(cnn_opt_collect_executables dir out)
  set(found)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      list(APPEND found ${target})
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    cnn_opt_collect_executables(${subdir} sub_found)
    list(APPEND found ${sub_found})
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

cnn_opt_collect_executables(${PROJECT_SOURCE_DIR}/tools cnn_opt_tools)
# The fuzz target is a development tool, not part of the package.
list(REMOVE_ITEM cnn_opt_tools cnn-fuzz)
install(TARGETS ${cnn_opt_tools}
  EXPORT MLIRTargets
  RUNTIME DESTINATION ${CNN_OPT_INSTALL_BINDIR}
  COMPONENT cnn-tools
  )

install(EXPORT MLIRTargets
  NAMESPACE CnnOpt::
  FILE CnnOptTargets.cmake
  DESTINATION ${CNN_OPT_INSTALL_CMAKEDIR}
  COMPONENT cnn-cmake-exports
  )

# The config records the MLIR it was built against and how the libraries
# reach it (libMLIR.so or MLIR's static libraries).
set(CNN_OPT_MLIR_DIR "${MLIR_DIR}")
set(CNN_OPT_MLIR_VERSION "${LLVM_VERSION_MAJOR}.${LLVM_VERSION_MINOR}")
if(MLIR_LINK_MLIR_DYLIB)
  set(CNN_OPT_LINK_MLIR_DYLIB ON)
else()
  set(CNN_OPT_LINK_MLIR_DYLIB OFF)
endif()
# Packages beyond MLIR that exported libraries link: the ONNX importer links
# ONNX's protobuf classes (onnx_proto, which links protobuf::libprotobuf
# from FindProtobuf). The config looks for them quietly: users of the other
# libraries need not have them.
set(CNN_OPT_FIND_OTHER_PACKAGES "")
if(ONNX_DIR)
  string(APPEND CNN_OPT_FIND_OTHER_PACKAGES
    "find_package(Protobuf QUIET)\n"
    "find_package(ONNX CONFIG QUIET HINTS \"${ONNX_DIR}\")\n")
endif()
list(TRANSFORM cnn_opt_libraries PREPEND "CnnOpt::"
  OUTPUT_VARIABLE CNN_OPT_EXPORTED_LIBRARIES)

# The project's libraries of one kind, as MLIR groups its own (the global
# properties add_mlir_dialect_library and the like append to). A tool that
# calls registerCnnConversionPasses() links every conversion library.
function(cnn_opt_libraries_of_kind property out)
  get_property(all GLOBAL PROPERTY ${property})
  set(ours)
  foreach(lib IN LISTS all)
    if(lib IN_LIST cnn_opt_libraries)
      list(APPEND ours "CnnOpt::${lib}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES ours)
  set(${out} ${ours} PARENT_SCOPE)
endfunction()
cnn_opt_libraries_of_kind(MLIR_DIALECT_LIBS CNN_OPT_EXPORTED_DIALECT_LIBRARIES)
cnn_opt_libraries_of_kind(MLIR_CONVERSION_LIBS
  CNN_OPT_EXPORTED_CONVERSION_LIBRARIES)
cnn_opt_libraries_of_kind(MLIR_TRANSLATION_LIBS
  CNN_OPT_EXPORTED_TRANSLATION_LIBRARIES)

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/CnnOptConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/CnnOptConfig.cmake
  INSTALL_DESTINATION ${CNN_OPT_INSTALL_CMAKEDIR}
  PATH_VARS CNN_OPT_INSTALL_INCLUDEDIR CNN_OPT_INSTALL_BINDIR
  )
# Releases before 1.0 change the C++ API between minor versions.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/CnnOptConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion
  )
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/CnnOptConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/CnnOptConfigVersion.cmake
  DESTINATION ${CNN_OPT_INSTALL_CMAKEDIR}
  COMPONENT cnn-cmake-exports
  )
