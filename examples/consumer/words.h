/* The map and slice types the consumer shares between its files. */
#ifndef CONSUMER_WORDS_H
#define CONSUMER_WORDS_H

#include <sliceguard/arena.h>
#include <sliceguard/str.h>

#define SG_MAP wordcount
#define SG_KEY sg_str
#define SG_VAL int
#include <sliceguard/map.h>

#define SG_SLICE words
#define SG_ELEM sg_str
#include <sliceguard/slice.h>

#endif
