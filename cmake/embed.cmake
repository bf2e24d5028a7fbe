# gocua_embed(TARGET VAR SYMBOL FILES...): compiles the given text files into TARGET as
#   extern const gocua::EmbeddedFile SYMBOL[]; extern const size_t SYMBOL_count;
# so catalogs and schema travel inside the binary and cannot go missing at run time.
set(GOCUA_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)
function(gocua_embed target symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${symbol}_embedded.cpp)
  # A ;-list would be split into separate command arguments; pass the files |-joined instead.
  list(JOIN ARGN "|" joined)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${symbol} "-DFILES=${joined}" -P ${GOCUA_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${GOCUA_EMBED_SCRIPT}
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
