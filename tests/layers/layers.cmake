# The layers' checks (docs/architecture.md "Layers"), as ctest entries named layers_*:
#   - the link closure of each library (every target and library it links, transitively, as
#     CMake knows it) holds none of the libraries its layer must not depend on;
#   - each library links as a whole archive into a program with only its own closure, so a
#     call into a layer it does not declare (an #include without the CMake line) fails the link;
#   - no source of a layer includes a header of a layer above it;
#   - workflow_tests, the pure rules' suite, does not load RocksDB (ldd).
# Included from tests/CMakeLists.txt, after every library is defined.

set(SAQME_LAYERS_DIR ${PROJECT_BINARY_DIR}/layers)
file(MAKE_DIRECTORY ${SAQME_LAYERS_DIR})
set(SAQME_LAYERS_CHECK ${CMAKE_CURRENT_LIST_DIR}/check_layer.cmake)

# Sets OUT to every target and library that `target` links, directly or through others.
function(saqme_link_closure out target)
  set(seen "")
  set(todo ${target})
  while(todo)
    list(POP_FRONT todo item)
    if(item IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${item})
    if(NOT TARGET ${item})
      continue()
    endif()
    get_target_property(aliased ${item} ALIASED_TARGET)
    if(aliased)
      list(APPEND todo ${aliased})
      continue()
    endif()
    get_target_property(type ${item} TYPE)
    get_target_property(imported ${item} IMPORTED)
    set(deps "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY" AND NOT imported)
      get_target_property(direct ${item} LINK_LIBRARIES)
      if(direct)
        list(APPEND deps ${direct})
      endif()
    endif()
    get_target_property(interface ${item} INTERFACE_LINK_LIBRARIES)
    if(interface)
      list(APPEND deps ${interface})
    endif()
    foreach(dep IN LISTS deps)
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
      if(NOT dep MATCHES "\\$<")  # other generator expressions name no library of ours
        list(APPEND todo ${dep})
      endif()
    endforeach()
  endwhile()
  list(REMOVE_ITEM seen ${target})
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# layers_<name>_closure: `target`'s link closure matches none of the FORBIDDEN regexes.
# layers_<name>_links_alone: `target` as a whole archive links with its own closure only.
function(saqme_layer name target)
  cmake_parse_arguments(ARG "" "" "FORBIDDEN" ${ARGN})
  saqme_link_closure(closure ${target})
  set(file ${SAQME_LAYERS_DIR}/${name}.closure)
  list(JOIN closure "\n" text)
  file(WRITE ${file} "${text}\n")
  add_test(NAME layers_${name}_closure
           COMMAND ${CMAKE_COMMAND} -DMODE=closure -DCLOSURE=${file} "-DFORBIDDEN=${ARG_FORBIDDEN}"
                   -P ${SAQME_LAYERS_CHECK})
  set(program layer_${name}_links_alone)
  add_executable(${program} ${CMAKE_CURRENT_LIST_DIR}/links_alone.cc)
  target_link_libraries(${program} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,${target}>")
  add_test(NAME layers_${name}_links_alone COMMAND ${program})
endfunction()

# layers_<name>_includes: no source under `dir` includes a header of the FORBIDDEN directories.
function(saqme_layer_includes name dir)
  cmake_parse_arguments(ARG "" "" "FORBIDDEN" ${ARGN})
  add_test(NAME layers_${name}_includes
           COMMAND ${CMAKE_COMMAND} -DMODE=includes -DDIR=${PROJECT_SOURCE_DIR}/${dir}
                   "-DFORBIDDEN=${ARG_FORBIDDEN}" -P ${SAQME_LAYERS_CHECK})
endfunction()

set(rocksdb "RocksDB::" "rocksdb")
saqme_layer(model saqme_model FORBIDDEN ${rocksdb} saqme_storage saqme_workflows)
saqme_layer(workflows saqme_workflows FORBIDDEN ${rocksdb} saqme_storage saqme_engine)
saqme_layer(projection saqme_projection FORBIDDEN ${rocksdb} saqme_storage saqme_engine)
saqme_layer(replay saqme_replay FORBIDDEN saqme_engine saqme_api saqme_generate)

set(above_model storage/ workflows/ projection/ engine/ replay/ api/ generate/ cli/ auth/)
saqme_layer_includes(model model FORBIDDEN ${above_model})
saqme_layer_includes(workflows workflows FORBIDDEN storage/ projection/ engine/ replay/ api/)
saqme_layer_includes(projection projection FORBIDDEN storage/ engine/ replay/ api/)
saqme_layer_includes(replay replay FORBIDDEN engine/ api/ generate/)

add_test(NAME layers_workflow_tests_no_rocksdb
         COMMAND ${CMAKE_COMMAND} -DMODE=ldd -DPROGRAM=$<TARGET_FILE:workflow_tests>
                 "-DFORBIDDEN=librocksdb" -P ${SAQME_LAYERS_CHECK})
set_tests_properties(layers_workflow_tests_no_rocksdb PROPERTIES LABELS layers)
